// Builds, once per set of migrations, what the test files clone (the embedded dump in .tmp/ or
// the PostgreSQL template database), so parallel test files don't race to build it.
import { freshDatabase } from '../test/support/test-db.ts';

const db = await freshDatabase();
await db.destroy();
// PGlite can keep the process alive for a while after close; there is nothing left to do.
process.exit(0);
