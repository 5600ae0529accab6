// The analyst's path through a workbook, always visible in this order.
export const steps = [
  { id: 'data', label: 'Data', purpose: 'Paste or import the Annex A lists you already have: referrals (List 3), child protection plans (List 7) and children in care (List 8), and your SSDA903 children in care returns if you keep them.' },
  { id: 'history', label: 'History', purpose: 'See what happened month by month, and the rates the model estimates from your lists.' },
  { id: 'scenarios', label: 'Scenarios', purpose: 'Describe possible futures: a lockdown, a return of hidden demand, a new normal.' },
  { id: 'results', label: 'Results', purpose: 'Compare referrals, plans, children in care, spend and staff under each scenario, with their uncertainty.' },
  { id: 'export', label: 'Export', purpose: 'Save the results as an Excel workbook for your budget paper or slides.' },
] as const;

export type StepId = (typeof steps)[number]['id'];

/** What each step is for in a housing workbook (homelessness and temporary accommodation). */
export const housingStepPurposes: Readonly<Record<StepId, string>> = {
  data: 'Paste or import your two housing lists: the case list (one row per approach) and the temporary accommodation (TA) list (one row per placement).',
  history: 'See approaches, duties owed and households in temporary accommodation by type, month by month.',
  scenarios: 'Describe possible futures: a wave of evictions, faster or slower move-on from TA, prevention that keeps households out of TA.',
  results: 'Compare households in TA and their cost by type under each scenario, with their likely ranges.',
  export: 'Save the results as an Excel workbook for your budget paper or slides.',
};
