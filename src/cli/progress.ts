/**
 * A one-line progress bar on a TTY: done/total, the rate since the bar was made and the time
 * left at that rate. Silent elsewhere (CI logs stay readable).
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let last = 0;
  return (done: number, total: number): void => {
    if (!stream.isTTY) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(ratio * width);
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const timing = done >= total ? `in ${clock(seconds)}` : `ETA ${rate > 0 ? clock((total - done) / rate) : '--:--'}`;
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${total} · ${Math.round(rate)}/s · ${timing}\x1b[K`);
    if (done >= total) stream.write('\n');
  };
}

/** 75 → "1:15", 3725 → "1:02:05". */
function clock(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  return hours > 0 ? `${hours}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}
