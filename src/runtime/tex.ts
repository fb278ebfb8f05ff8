/** The `tex` builtin: tex`E = mc^2` renders inline TeX with KaTeX; tex.block`…` renders display maths. */
import katex from 'katex';

function render(displayMode: boolean) {
  return (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement => {
    const root = document.createElement(displayMode ? 'div' : 'span');
    katex.render(String.raw({ raw: strings.raw }, ...values), root, { displayMode, throwOnError: false });
    return root;
  };
}

export const tex = Object.assign(render(false), { block: render(true) });
