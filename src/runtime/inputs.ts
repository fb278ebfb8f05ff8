/** The `Inputs` builtin: Observable Inputs (sliders, toggles, radios, buttons with labels), served by the site. */
import '@observablehq/inputs/dist/index.css';
import { range as observableRange } from '@observablehq/inputs';

export * from '@observablehq/inputs';

/**
 * Inputs.range, whose label names only the number box beside the slider: the slider gets the same name, so a
 * screen reader says what it sets. (This export takes precedence over the package's own `range`.)
 */
export function range(...args: Parameters<typeof observableRange>): HTMLElement {
  const form = observableRange(...args) as HTMLElement;
  const label = form.querySelector('label')?.textContent?.trim();
  if (label) form.querySelector('input[type="range"]')?.setAttribute('aria-label', label);
  return form;
}
