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

  /** the PyTorch view (pytorchView) and the lecture's code shown beside a cell (lectureCode) */
  pytorch: {
    caption: (p: { name: string }) => `${p.name} in PyTorch, as the lecture writes it`,
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copy failed: select the code and copy it',
    downloadPy: 'Download .py',
    downloadFor: 'Download for PyTorch:',
    downloadWeights: 'weights (.safetensors)',
    loadHint: (p: { file: string }) => `In Python: net = load_weights(build(), "${p.file}")`,
    problems: (p: { count: number }) =>
      p.count === 1
        ? 'One layer has no PyTorch translation here; the code says which, and why, where it would be:'
        : `${p.count} layers have no PyTorch translation here; the code says which, and why, where they would be:`,
    cannot: (p: { error: string }) => `Cannot write this model in PyTorch: ${p.error}`,
    showLecture: 'The lecture’s PyTorch code',
    hideLecture: 'Hide the PyTorch code',
    lectureCaption: (p: { name: string }) =>
      `The lecture’s ${p.name} (scripts/pytorch/lecture_nets.py). Point at a name to see it in both.`
  },
  /** what library code reports; each entry words one WordedError key */
  errors: {
    torchKeyMissing: (p: { key: string }) =>
      `The PyTorch weights have no tensor "${p.key}", which this model's PyTorch module needs.`,
    torchShapeDiffers: (p: { key: string; expected: string; got: string }) =>
      `The PyTorch tensor "${p.key}" is ${p.got}, but this model needs ${p.expected}.`,
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
