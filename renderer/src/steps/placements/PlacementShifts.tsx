// Scenario levers on placements: "of the children who would be in residential care, 10% are fostered
// instead, phased in over 12 months": several shifts, each added and removed, with sliders and number
// boxes as the other settings; a figure out of range is refused naming the shift and the field.
import { useId } from 'react';
import { describePlacementShift } from '../../../../shared/engine/children/describe-scenario.ts';
import { groups } from '../../../../shared/engine/children/placements/groups.ts';
import { PlacementShiftSchema, type ScenarioInput } from '../../../../shared/engine/scenario.ts';
import { placementLabel } from '../../../../shared/result/placement-figures.ts';
import { DateField } from '../../components/DateField.tsx';
import { NumberField } from '../../components/NumberField.tsx';

export type ShiftInput = NonNullable<ScenarioInput['placementShifts']>[number];

/** Every group, and each provider's side of it. */
export const shiftTargets: Array<{ value: string; label: string }> = groups.flatMap((g) => [
  { value: g, label: `${placementLabel(g)}: all` },
  { value: `${g}:inHouse`, label: `${placementLabel(g)}: in-house (PR0-PR3)` },
  { value: `${g}:private`, label: `${placementLabel(g)}: private (PR4-PR5)` },
]);

export function newShift(startIso: string): ShiftInput {
  return { from: 'residential', to: 'foster', share: 0.1, fromDate: startIso, overMonths: 12 };
}

export function PlacementShifts({ shifts, onChange, startIso }: { shifts: readonly ShiftInput[]; onChange: (shifts: ShiftInput[]) => void; startIso: string }) {
  const change = (k: number, changes: Partial<ShiftInput>) => onChange(shifts.map((s, i) => (i === k ? { ...s, ...changes } : s)));
  return (
    <fieldset className="placement-shifts">
      <legend>Placement shifts</legend>
      <p className="hint">Of the children who would be in one placement type, a share are placed in another instead, phased in over some months. The number in care does not change; what they cost does.</p>
      {shifts.map((shift, k) => (
        <ShiftEditor key={k} index={k} shift={shift} onChange={(changes) => change(k, changes)} onRemove={() => onChange(shifts.filter((_, i) => i !== k))} />
      ))}
      <button type="button" disabled={shifts.length >= 20} onClick={() => onChange([...shifts, newShift(startIso)])}>
        Add a placement shift
      </button>
    </fieldset>
  );
}

function ShiftEditor({ index, shift, onChange, onRemove }: { index: number; shift: ShiftInput; onChange: (changes: Partial<ShiftInput>) => void; onRemove: () => void }) {
  const id = useId();
  const name = `Placement shift ${index + 1}`;
  const parsed = PlacementShiftSchema.safeParse(shift);
  return (
    <fieldset className="placement-shift">
      <legend>{name}</legend>
      {parsed.success && <p className="in-words shift-words">{describePlacementShift(parsed.data)}</p>}
      <div className="shift-targets">
        {(['from', 'to'] as const).map((end) => (
          <div key={end} className="shift-target">
            <label htmlFor={`${id}-${end}`}>{end === 'from' ? 'From the children who would be in' : 'Placed instead in'}</label>
            <select id={`${id}-${end}`} value={shift[end]} onChange={(e) => onChange({ [end]: e.target.value })}>
              {shiftTargets.map((t) => (
                // A shift into the placement it comes from would be no shift: that choice is not offered.
                <option key={t.value} value={t.value} disabled={t.value === shift[end === 'from' ? 'to' : 'from']}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <NumberField label="Share placed elsewhere" problemName={`${name}, share placed elsewhere`} strict unit="%" percent min={0} max={100} step={1} value={shift.share} onChange={(share) => onChange({ share })} />
      <div className="row">
        <DateField label="Starting" value={shift.fromDate} onChange={(fromDate) => onChange({ fromDate })} />
        <button type="button" onClick={onRemove}>
          Remove placement shift {index + 1}
        </button>
      </div>
      <NumberField label="Phased in over" problemName={`${name}, phased in over`} strict unit="months" min={0} max={120} step={1} value={shift.overMonths ?? 0} onChange={(overMonths) => onChange({ overMonths: Math.round(overMonths) })} />
    </fieldset>
  );
}
