/**
 * A slide as the audience sees it, as HTML another window (or the overview) can show without running any
 * cell: the slide's element cloned with its outputs, canvases turned into images (a clone has no pixels),
 * editors turned into their code, and everything that could run script or steal focus taken out.
 */

/** A slide's look in the main window, for the presenter window's preview and the overview. */
export interface SlideSnapshot {
  /** 1-based slide number */
  slide: number;
  /** the slide's sanitised HTML (its root is the slide's `<section>`) */
  html: string;
  /** the main window's slide area (window width, height under the top bar), px */
  viewport: { width: number; height: number };
  /** the slides' font size in the main window, px (it follows the window's width) */
  fontSize: number;
  /** the class attributes of the page and notebook elements around the slides (their styles apply) */
  pageClass: string;
  notebookClass: string;
}

/** Elements a snapshot never carries: they run script, load other documents or change the page. */
const dropped = 'script, iframe, frame, object, embed, link, meta, base, noscript, template, audio, video';
/** Attributes that would load or run something as the HTML is parsed. */
const scriptUrl = /^\s*javascript:/i;

/**
 * Clones `slide` into sanitised HTML. `codeOf(id)` gives a cell's code as highlighted HTML (its editor
 * shows only the lines in view, so the editor's DOM is not copied).
 */
export function snapshotHtml(slide: HTMLElement, codeOf: (id: string) => string | null): string {
  const clone = slide.cloneNode(true) as HTMLElement;
  const canvases = slide.querySelectorAll('canvas');
  clone.querySelectorAll('canvas').forEach((copy, i) => copy.replaceWith(canvasImage(canvases[i])));
  const editors = slide.querySelectorAll<HTMLElement>('.cm-editor');
  clone.querySelectorAll<HTMLElement>('.cm-editor').forEach((editor, i) => {
    const id = editor.closest<HTMLElement>('[data-cell-id]')?.dataset.cellId;
    const pre = document.createElement('pre');
    pre.innerHTML = `<code>${(id && codeOf(id)) ?? escape(editor.textContent ?? '')}</code>`;
    // The editor's type (its styles live in the page's head, not in this copy).
    const content = editors[i]?.querySelector('.cm-content');
    if (content) {
      const style = getComputedStyle(content);
      Object.assign(pre.style, {
        fontFamily: style.fontFamily,
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        margin: '0',
        padding: '0.4em 0.8em'
      });
    }
    editor.replaceWith(pre);
  });
  clone.querySelectorAll(dropped).forEach((e) => e.remove());
  for (const element of [clone, ...clone.querySelectorAll('*')]) clean(element);
  // The clone is what the audience sees on that slide: shown, unscaled (the viewer fits it itself).
  clone.classList.add('current');
  clone.style.removeProperty('transform');
  return clone.outerHTML;
}

function clean(element: Element): void {
  for (const { name, value } of [...element.attributes]) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'autofocus' || lower === 'tabindex' || lower === 'aria-live')
      element.removeAttribute(name);
    else if (/(^|:)(href|src|action|formaction)$/.test(lower) && scriptUrl.test(value))
      element.removeAttribute(name);
    else if (lower === 'data-cell-id') {
      // Renamed: the copy is not a cell (nothing may mistake it for one), but still says whose output it is.
      element.removeAttribute(name);
      element.setAttribute('data-preview-cell', value);
    } else if (lower === 'data-slide') element.removeAttribute(name);
    // Ids outside SVG would repeat the page's own (SVG keeps them: markers and gradients refer to them).
    else if (lower === 'id' && !element.closest('svg')) element.removeAttribute(name);
  }
}

/** A canvas as an image of its current pixels, laid out as the canvas was. */
function canvasImage(canvas: HTMLCanvasElement): HTMLImageElement {
  const image = document.createElement('img');
  try {
    image.src = canvas.toDataURL();
  } catch {
    // a canvas with pixels from elsewhere cannot be read: an empty image of the same size instead
  }
  image.alt = '';
  image.className = canvas.className;
  // Its look comes from styles that name `canvas`, which an image does not match: copy what they gave it.
  // (On a slide not shown, the computed size is the stylesheet's, or `auto`: then the pixel size.)
  const style = getComputedStyle(canvas);
  const size = (shown: number, computed: string, pixels: number) =>
    shown ? `${shown}px` : computed.endsWith('px') ? computed : `${pixels}px`;
  image.style.cssText = canvas.style.cssText;
  Object.assign(image.style, {
    width: size(canvas.clientWidth, style.width, canvas.width),
    height: size(canvas.clientHeight, style.height, canvas.height),
    imageRendering: style.imageRendering,
    border: style.border,
    borderRadius: style.borderRadius,
    background: style.background,
    verticalAlign: style.verticalAlign
  });
  return image;
}

function escape(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/**
 * Takes slide `n` of the notebook in `article` (the slides' `<main>`) as the audience sees it, or would
 * once it is shown: at the window's width and the presentation's type size.
 */
export function takeSnapshot(
  article: HTMLElement,
  n: number,
  codeOf: (id: string) => string | null
): SlideSnapshot | null {
  const slide = article.querySelector<HTMLElement>(`[data-slide="${n}"]`);
  const page = article.parentElement;
  if (!slide || !page) return null;
  const presenting = page.classList.contains('presenting');
  // The presentation's type size follows the window (as `.presenting .notebook` in Notebook.svelte).
  const fontSize = presenting
    ? parseFloat(getComputedStyle(article).fontSize)
    : Math.min(Math.max(17, innerWidth * 0.013), 40);
  const top = presenting ? article.getBoundingClientRect().top + scrollY : 48;
  const pageClass = [...page.classList].filter((c) => c !== 'zoomed');
  if (!presenting) pageClass.push('presenting');
  return {
    slide: n,
    html: snapshotHtml(slide, codeOf),
    viewport: { width: innerWidth, height: Math.max(200, innerHeight - top) },
    fontSize,
    pageClass: pageClass.join(' '),
    notebookClass: article.className
  };
}

/**
 * Calls `changed` (at most every `wait` ms) while what `slide` shows changes: its outputs' DOM, and its
 * canvases, whose pixels change without any DOM change (so a slide with a canvas is looked at every 2 s).
 * Returns the cleanup.
 */
export function watchSlide(slide: HTMLElement, changed: () => void, wait = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, wait);
  };
  const observer = new MutationObserver(soon);
  observer.observe(slide, { subtree: true, childList: true, attributes: true, characterData: true });
  const poll = setInterval(() => {
    if (slide.querySelector('canvas')) changed();
  }, 2000);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    clearInterval(poll);
  };
}

/** A cell's code as HTML: the build's highlighting of the original, or the draft as plain text. */
export function codeHtml(source: string, shipped: { source: string; code: string }): string {
  return source === shipped.source ? shipped.code : escape(source);
}
