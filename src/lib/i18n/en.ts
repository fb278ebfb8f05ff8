/**
 * Every word the page shows a reader, in English: one entry per message. A message is a string, or a
 * function of its parameters when it has any (so plurals and numbers read naturally). The Chinese
 * catalogue has exactly the same keys; `catalogue.test.ts` fails when either lacks one.
 *
 * Group keys by where the reader meets them (`cell…`, `engine…`, `slides…`); add new words here, never
 * inline in a component. `errors` holds what library code reports (src/lib throws a WordedError with a
 * key and parameters, so the page can word it in its own language).
 */

const quoteAll = (ids: string[]) => ids.map((id) => `“${id}”`).join(', ');

/** Why each name the notebook gives every cell cannot be declared by one. */
const reservedWhy: Record<string, string> = {
  invalidation: 'a promise that settles when the cell is about to run again',
  visibility: 'a promise that settles when the cell comes into view',
  display: 'the function that shows a value in the cell',
  view: 'the function that shows an input and gives its value to other cells',
  __loopGuard: 'the check that stops a loop that freezes the page'
};

export const en = {
  /** the site as a whole: its name, the index page, the language switch */
  site: {
    name: 'Advanced CNNs, live',
    title: 'Advanced CNNs, live — 1×1 convolutions, Inception and ResNet',
    description:
      "Interactive notebooks: why GoogLeNet uses 1×1 convolutions and why ResNet's skip connections let deep nets train.",
    heading: 'From 1×1 convolutions to residual networks',
    leadBefore: 'Notebooks you can edit and run: change a number, press',
    leadAfter: ', and everything that depends on it updates — diagrams, costs and live training included.',
    resume: 'Continue where you left off:',
    minutes: (minutes: number) => `${minutes} min read`,
    glossary: 'Glossary of terms (English–Chinese)',
    otherLanguage: '中文',
    otherLanguageLabel: '阅读中文版'
  },

  /** the glossary page */
  glossary: {
    title: 'Glossary: the terms in English and Chinese',
    intro:
      'The words the lessons use, in English and in Chinese. The Chinese follows the lecture (卷积; “Inception Module” stays in English) and otherwise the Chinese edition of Dive into Deep Learning (d2l-zh); where readers meet two words, both are given.',
    english: 'English',
    chinese: 'Chinese',
    lesson: 'First met in',
    lessonNumber: (n: number) => `notebook ${String(n).padStart(2, '0')}`,
    back: '← All notebooks'
  },

  /** the notebook page's toolbar */
  toolbar: {
    home: '← All notebooks',
    edited: (count: number) => `${count} edited cell${count > 1 ? 's' : ''}`,
    resetAll: 'Reset all',
    download: 'Download my version',
    present: 'Present',
    presentWhy: 'Present as slides (F for full screen)'
  },

  /** a cell's state, in the bar under it */
  cellState: {
    idle: 'not run',
    dirty: 'edited — Shift+Enter to run',
    running: 'running…',
    ok: 'done',
    error: 'error'
  },

  /** a cell's bar and code */
  cell: {
    label: (id: string) => `Cell ${id}`,
    editorLabel: (id: string) => `Code of cell ${id}. Shift+Enter runs it.`,
    edit: (id: string) => `Edit cell ${id}`,
    originalChanged: 'original changed',
    originalChangedWhy: 'The notebook was updated after you edited this cell.',
    viewOriginal: 'View original',
    hideOriginal: 'Hide original',
    foreign: (origin: 'link' | 'file') => `from a ${origin}, not run`,
    foreignWhy: "Someone else's code: read it before you run it.",
    run: 'Run',
    runWhy: 'Run (Shift+Enter)',
    showCode: 'Show code',
    hideCode: 'Hide code',
    reset: 'Reset',
    resetWhy: "Put back the notebook's original code"
  },

  /** what the engine writes into a cell's output */
  engine: {
    errorTitle: 'Error',
    atLine: (line: number) => `(line ${line})`,
    atPosition: (line: number, column: number) => `(line ${line}, column ${column})`,
    notDefined: (name: string) => `${name} is not defined`,
    waitingFor: (name: string, cell: string) => `Waiting for \`${name}\`: cell “${cell}” has an error.`,
    waitingForPaused: (name: string, cell: string) =>
      `Waiting for \`${name}\`: cell “${cell}” is paused until you run it.`,
    didYouMean: (names: string[]) => `Did you mean ${names.map((n) => `\`${n}\``).join(' or ')}?`,
    truncated: (count: number) => `Output truncated: this cell displayed more than ${count} values.`,
    shadowsBuiltin: (names: string[]) =>
      `${names.length === 1 ? 'This cell’s' : 'These'} ${names.map((n) => `\`${n}\``).join(', ')} ` +
      `${names.length === 1 ? 'replaces the builtin' : 'replace the builtins'} of that name for the whole notebook: ` +
      'every cell that reads it now gets this value. Rename it to keep the builtin.',
    readsShadowed: (name: string, cell: string) =>
      `This cell reads \`${name}\`, which cell “${cell}” redefines, replacing the builtin \`${name}\`.`
  },

  /** paused cells, safe mode and code from elsewhere */
  session: {
    pausedLink:
      'This code came with the link you opened and has not run. Read it, then press Run (or Shift+Enter) to run it.',
    pausedFile:
      'This code came from the file you opened and has not run. Read it, then press Run (or Shift+Enter) to run it.',
    pausedSafe:
      'Paused: this cell holds your edit, and edits wait in safe mode until you run them. Press Run (or Shift+Enter) to run it.',
    resetCell: (id: string) => `Reset cell “${id}”`,
    resetCells: (count: number) => `Reset ${count} edited cell${count > 1 ? 's' : ''}`,
    editReplaced: (id: string) => `Your edit of “${id}” was replaced`,
    noChanges: (origin: 'link' | 'file') => `The ${origin} holds no changes to this notebook's cells.`
  },

  /** the banners above a notebook */
  notices: {
    safeTitle: 'Safe mode.',
    safeAsked: 'You opened this notebook with ?safe in its address.',
    safeFroze: (cells: string[]) =>
      `The last visit froze, or left the page, while running your ${cells.length === 1 ? 'edit of cell' : 'edits of cells'} ${quoteAll(cells)}.`,
    safeBroke: (cells: string[]) =>
      `The last visit’s page stopped showing the notebook after running your ${cells.length === 1 ? 'edit of cell' : 'edits of cells'} ${quoteAll(cells)}.`,
    safeKept: 'Your edits are kept, but edited cells are paused until you choose.',
    runEdited: 'Run edited cells',
    resetAll: 'Reset all to the original',
    incomingTitle: (origin: 'link' | 'file') => `Code from a ${origin}.`,
    incomingChanges: (cells: string[]) =>
      `It changes ${cells.length === 1 ? 'cell' : 'cells'} ${quoteAll(cells)}: the code is shown, and has not run.`,
    incomingUnknown: (origin: 'link' | 'file', cells: string[]) =>
      `The ${origin} also has code for ${quoteAll(cells)}, which this notebook does not have; that is left out.`,
    linkUnreadable: (why: string) => `This link could not be read: ${why}`,
    runIt: 'Run it',
    discardIt: 'Discard it',
    dismiss: 'Dismiss',
    undo: 'Undo'
  },

  /** share links: what a link could not set, and the share dialog */
  share: {
    linkStartsWork: (name: string) =>
      `The link sets “${name}”, which starts training; a link never starts work by itself, so it is left as it was.`,
    linkValueRefused: (name: string, value: string) =>
      `The link sets “${name}” to ${value}, which that input does not offer; it keeps its default.`,
    leftOut: (names: string[]) =>
      `Not in the link: ${quoteAll(names)}, since ${names.length === 1 ? 'it starts' : 'they start'} training; ` +
      'whoever opens the link switches that on themselves.'
  },

  /** the share dialog's own words */
  shareDialog: {
    button: 'Share link',
    buttonWhy: 'A link to this section, with your inputs (and, if you like, your edits)',
    title: 'Share a link to what you see',
    opensAt: (section: string | null) =>
      `Opens at ${section ? `the section “${section}”` : 'the top of the notebook'}.`,
    setsInputs: (names: string[]) =>
      `Sets ${names.length === 1 ? 'the input' : 'the inputs'} ${quoteAll(names)} as you set ${names.length === 1 ? 'it' : 'them'}.`,
    noInputs: 'Every input starts at its default (you have not moved any).',
    includeEdits: (cells: string[]) =>
      `Include my edits to ${cells.length === 1 ? 'cell' : 'cells'} ${quoteAll(cells)}. ` +
      'Whoever opens the link sees the code but it does not run until they press Run.',
    link: 'Link',
    copy: 'Copy',
    copied: 'Copied.',
    copyByHand: 'Press Ctrl+C (⌘C) to copy the selected link.',
    close: 'Close'
  },

  /** "Open a file…" */
  openFile: {
    button: 'Open a file…',
    buttonWhy: 'Show the code of a notebook file (it runs only when you say)',
    refused: (file: string, why: string) => `“${file}”: ${why}`
  },

  /** the colour theme chooser */
  theme: {
    label: 'Colour theme',
    system: 'System theme',
    light: 'Light',
    dark: 'Dark',
    contrast: 'High contrast, dark',
    contrastLight: 'High contrast, light'
  },

  /** the table of contents beside a notebook */
  contents: {
    label: 'Contents',
    title: 'Contents',
    solved: (solved: number, total: number) => `${solved} of ${total} exercises solved`,
    seen: '(seen)'
  },

  /** the index page's offline note */
  offline: {
    ready: '✓ Saved for offline use: these notebooks now work without a network.'
  },

  /** presenting: the slide bar and the presenter window */
  slides: {
    previous: 'Previous slide',
    next: 'Next slide',
    counter: (current: number, count: number) => `Slide ${current} of ${count}`,
    slideLabel: (n: number) => `Slide ${n}`,
    scaled: (percent: number) => `scaled to fit (${percent} %)`,
    scaledWhy: 'This slide is taller than the screen',
    laser: 'Laser (L)',
    laserWhy: 'The pointer as a bright dot (L); Alt+click or Z zooms in 2×',
    presenter: 'Presenter view',
    presenterWhy: 'Notes, next slide and a timer in a second window (P)',
    exit: 'Exit (Esc)',
    timerLabel: 'Time since the presenter view opened',
    previousButton: '← Previous',
    nextButton: 'Next →',
    notes: 'Notes',
    notesLabel: 'Notes for this slide',
    noNotes: 'No notes for this slide.',
    nextHeading: 'Next',
    end: 'End of the presentation.',
    cellRef: (id: string) => `[cell ${id}]`
  },

  /** the lecturer's tools while presenting: overview, go to slide, blank screen, keys, print, the original */
  hall: {
    overview: 'Overview (O)',
    overviewWhy: 'All slides at once, to jump to one (O)',
    overviewLabel: 'All slides',
    overviewHint: 'Click a slide or press Enter to open it; arrows choose; Esc or O closes.',
    goTo: (typed: string) => `Go to slide ${typed}`,
    goToHint: 'Enter goes, Esc forgets',
    blanked: 'Screen blanked — press any key to bring the slide back',
    keysButton: 'Keys (?)',
    keysTitle: 'Keys while presenting',
    keysClose: 'Any key closes this list.',
    keys: {
      next: 'next slide (a clicker sends these)',
      previous: 'previous slide',
      ends: 'first and last slide',
      number: 'go to slide 3 (type its number)',
      overview: 'overview of all slides',
      blank: 'blank screen; any key brings it back',
      fullscreen: 'full screen',
      presenter: 'presenter view: notes, next slide, timer',
      laser: 'laser pointer',
      zoom: 'zoom in 2× and back',
      help: 'this list',
      leave: 'leave the presentation (leaves an editor first)'
    },
    space: 'Space',
    altClick: 'Alt+click',
    print: 'Print slides',
    printWhy: 'One slide per page, with the outputs the cells show now; the print dialog can save a PDF',
    presentOriginal: 'Present the original',
    presentOriginalWhy:
      "Present the notebook's own code; your edits stay saved on this machine, untouched, for later",
    original: 'Original code',
    originalWhy:
      'Showing the notebook as shipped; your saved edits are kept and come back on a normal reload',
    backToMine: 'Back to my version',
    previewWaiting: 'The preview appears once the presentation window shows this slide’s outputs.',
    previewLabel: (n: number) => `Slide ${n}, as the audience will see it`
  },

  /** the authoring view's slide check (dev server only) */
  slideCheck: {
    label: 'Slide check',
    button: (size: string) => `Check slides at ${size}`,
    checking: (size: string) => `Checking slides… (running the notebook at ${size})`,
    failed: (reason: string) => `Slide check failed: ${reason}.`,
    noAnswer: (seconds: number) => `no answer after ${seconds} s`,
    allFit: (count: number, size: string) => `All ${count} slides fit at ${size}.`,
    overflow: (size: string) => `Slides that overflow at ${size}:`,
    shownAt: (percent: string) => `(shown at ${percent} %)`,
    frameTitle: (size: string) => `This notebook at ${size}, being checked`
  },

  /** a self-checking exercise */
  exercise: {
    label: 'Exercise',
    right: 'Right.',
    notYet: 'Not yet.',
    hint: 'Hint:',
    showSolution: 'Show a solution'
  },

  /** what library code reports; each entry words one WordedError key */
  errors: {
    // "Open a file…" with a file that is not a version of this notebook
    fileNotNotebook: (p: { line: number | null; why: string }) =>
      `This file is not a notebook we can read${p.line ? ` (line ${p.line})` : ''}: ${p.why}`,
    fileNotThisNotebook: (p: { title: string }) =>
      `The file “${p.title}” has none of this notebook's cells, so it is not a version of it.`,
    loopStopped: (p: { line: number; seconds: number }) =>
      `The loop on line ${p.line} kept the page busy for more than ${p.seconds} s, so it was stopped. ` +
      'Does its condition ever become false?',
    // why drafts are not being saved (DraftStore's problem)
    draftsNoStorage: () => 'This browser does not allow local storage, so your edits will not be saved.',
    draftsDamaged: () =>
      'Your saved edits for this notebook could not be read (the stored data is damaged), so the original is shown.',
    draftsUnreadable: () => 'Local storage cannot be read here, so your edits will not be saved.',
    draftsFull: () =>
      'Local storage is full, so your latest edits are not being saved. Download your version to keep them.',
    draftsRefused: () => 'Local storage refused to save, so your latest edits are not being saved.',
    // what a share link carried that could not be used
    linkSection: (p: { section: string }) =>
      `The link's section “${p.section}” is not readable, so it opens at the top.`,
    linkValue: (p: { name: string; raw: string }) =>
      `The link's value for “${p.name}” is not readable (${p.raw}), so it keeps its default.`,
    linkValueTooLong: (p: { name: string; max: number }) =>
      `The link's value for “${p.name}” is too long for a link (over ${p.max} characters), so it keeps its default.`,
    linkCodeCut: () => 'The code in this link could not be read: the link looks cut short or altered.',
    linkCodeNotCells: () => 'The code in this link could not be read: it is not a set of cells.',
    linkCodeNoSource: (p: { cell: string }) =>
      `The code in this link could not be read: cell “${p.cell}” has no source text.`,
    linkCodeTooBig: (p: { max: number }) =>
      `The code in this link could not be read: it unpacks to more than ${p.max.toLocaleString('en')} characters.`,
    reservedName: (p: { name: string }) =>
      `\`${p.name}\` is a name the notebook gives every cell (${reservedWhy[p.name] ?? 'used by the engine'}), ` +
      'so a cell cannot declare it. Pick another name.'
  }
};

/** The shape every catalogue has: the English one's. */
export type Messages = typeof en;
