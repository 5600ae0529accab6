// The analyst's path through a workbook, always visible in this order.
export const steps = [
  { id: 'data', label: 'Data', purpose: 'Paste or import the Annex A lists you already have: referrals (List 3), child protection plans (List 7) and children in care (List 8), and your SSDA903 children in care returns if you keep them.' },
  { id: 'history', label: 'History', purpose: 'See what happened month by month, and the rates the model estimates from your lists.' },
  { id: 'scenarios', label: 'Scenarios', purpose: 'Describe possible futures: a lockdown, a return of hidden demand, a new normal.' },
  { id: 'results', label: 'Results', purpose: 'Compare referrals, plans, children in care, spend and staff under each scenario, with their uncertainty.' },
  { id: 'export', label: 'Export', purpose: 'Save the results as an Excel workbook for your budget paper or slides.' },
] as const;

export type StepId = (typeof steps)[number]['id'];
