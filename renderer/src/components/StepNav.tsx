import { steps, type StepId } from '../steps.ts';

export function StepNav({ current, onSelect }: { current: StepId; onSelect: (step: StepId) => void }) {
  return (
    <nav className="step-nav" aria-label="Steps">
      <ol>
        {steps.map((step, index) => (
          <li key={step.id}>
            <button type="button" aria-current={step.id === current ? 'step' : undefined} onClick={() => onSelect(step.id)}>
              <span className="step-number">{index + 1}</span> {step.label}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
