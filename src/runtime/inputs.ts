/** The `Inputs` builtin: Observable Inputs (sliders, toggles, radios, buttons with labels), served by the site. */
import '@observablehq/inputs/dist/index.css';

export * from '@observablehq/inputs';
