-- A third billing method next to MK's two documented ones: "manual" (no automatic invoices;
-- the ISP bills by hand). WSMKAtivarContrato activates only the two documented methods, so a
-- contract created with this one must be activated by staff.
alter table contracts drop constraint contracts_billing_method_check;
alter table contracts add constraint contracts_billing_method_check
  check (billing_method in ('invoice_per_charge', 'group_charges', 'manual'));
