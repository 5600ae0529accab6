// Ready-made interventions to start from. Every figure here is an assumption to replace with the council's
// own: what the service would cost it, and the effect it expects for its own children. Where a published
// evaluation reports an effect, the source says which and how the figure here relates to it; where none
// is known to us, the figure is called illustrative.
import { InterventionSchema, type Intervention } from '../../scenario.ts';

export interface InterventionPreset {
  id: string;
  /** The intervention as it would enter a scenario (the start date is the caller's). */
  make(from: string): Intervention;
}

const replace = 'An assumption to replace with your own figures.';

const preset = (id: string, fields: Omit<Intervention, 'from' | 'to' | 'effects' | 'placementShifts'> & { effects?: Partial<Intervention['effects']>; placementShifts?: Intervention['placementShifts']; years?: number }): InterventionPreset => ({
  id,
  make(from: string) {
    const { years, ...rest } = fields;
    const to = years ? new Date(Date.UTC(+from.slice(0, 4) + years, +from.slice(5, 7) - 1, +from.slice(8, 10) - 1)).toISOString().slice(0, 10) : undefined;
    return InterventionSchema.parse({ ...rest, from, ...(to ? { to } : {}) });
  },
});

export const interventionPresets: readonly InterventionPreset[] = [
  preset('edge-of-care', {
    name: 'Edge of care team',
    description: `Intensive work with families whose children are close to coming into care, for two years. ${replace}`,
    source: 'Illustrative: 15% fewer children coming into care while it runs. No single published figure fits every authority; set it from your own edge of care results.',
    costPerYear: 400_000,
    effects: { claStartChange: -0.15 },
    years: 2,
  }),
  preset('family-group-conferences', {
    name: 'Family group conferences at pre-proceedings',
    description: `Families entering pre-proceedings are referred to a family group conference. ${replace}`,
    source:
      'Taylor et al. (2024), British Journal of Social Work, doi:10.1093/bjsw/bcae035 (a randomised trial in 21 English authorities): 36.2% of children in referred families were looked after 12 months on, against 44.8% (about a fifth fewer). Here 5% fewer children come into care in all: that trial effect on the share of entries that pass through pre-proceedings, which is illustrative.',
    costPerYear: 150_000,
    effects: { claStartChange: -0.05 },
  }),
  preset('family-safeguarding', {
    name: 'Family Safeguarding',
    description: `Adult mental health, substance misuse and domestic abuse workers join children's social work teams. ${replace}`,
    source:
      'Illustrative: 10% fewer plans and 10% fewer children coming into care. The Department for Education evaluations (Forrester et al., July 2017, Hertfordshire; Rodger, Allan and Elliott, July 2020, four more authorities) report larger falls before and after it began, which are not the effect of the model alone.',
    costPerYear: 1_000_000,
    effects: { cppStartChange: -0.1, claStartChange: -0.1 },
  }),
  preset('foster-recruitment', {
    name: 'In-house foster carer recruitment',
    description: `More of the council's own foster carers, so fewer children are placed with agency carers. The shift holds while the campaign runs. ${replace}`,
    source: 'Illustrative: 10% of the children who would be with agency (private) foster carers are with in-house carers instead, phased in over 12 months.',
    costPerYear: 200_000,
    placementShifts: [{ from: 'foster:private', to: 'foster:inHouse', share: 0.1, overMonths: 12 }],
  }),
  preset('step-down', {
    name: 'Step-down from residential care',
    description: `A team that helps children move from children's homes to foster families when ready. ${replace}`,
    source: 'Illustrative: 10% of the children who would be in residential care are fostered instead, phased in over 12 months.',
    costPerYear: 300_000,
    placementShifts: [{ from: 'residential', to: 'foster', share: 0.1, overMonths: 12 }],
  }),
];
