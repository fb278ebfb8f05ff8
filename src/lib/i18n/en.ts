/**
 * Every word the page shows a reader, in English: one entry per message. A message is a string, or a
 * function of its parameters when it has any (so plurals and numbers read naturally). The Chinese
 * catalogue has exactly the same keys; `catalogue.test.ts` fails when either lacks one.
 *
 * Group keys by where the reader meets them (`cell…`, `engine…`, `slides…`); add new words here, never
 * inline in a component. `errors` holds what library code reports (src/lib throws a WordedError with a
 * key and parameters, so the page can word it in its own language).
 */

const percent = (x: number) => `${(100 * Number(x)).toFixed(2)} %`;
const count = (n: number) => Number(n).toLocaleString('en-US');
const megabytes = (bytes: number) => (Number(bytes) / 1e6).toFixed(1);
/** "40 s", "12 min", "1 h 5 min". */
const duration = (seconds: number) => {
  const s = Math.max(0, Math.round(Number(seconds)));
  if (!(s >= 60)) return `${Number.isFinite(s) ? s : 0} s`;
  const min = Math.round(s / 60);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
};

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

  /** training runs: the status line of a live or recorded run (components/diagrams/TrainingStatus.svelte) */
  training: {
    recorded: 'Recorded run',
    live: 'Live',
    epochOf: (p: { epoch: number; epochs: number }) => `epoch ${p.epoch} of ${p.epochs}`,
    stepOf: (p: { step: number; total: number }) => `step ${p.step} of ${p.total}`,
    loss: (p: { loss: number }) => `loss ${Number(p.loss).toFixed(3)}`,
    trainAccuracy: (p: { accuracy: number }) => `training accuracy this epoch ${percent(p.accuracy)}`,
    testAccuracy: (p: { accuracy: number; epoch: number; test: number }) =>
      `test accuracy ${percent(p.accuracy)} (after epoch ${p.epoch}, ${count(p.test)} test digits)`,
    speed: (p: { speed: number; backend: string }) =>
      `${Math.round(Number(p.speed))} digits/s on ${p.backend}`,
    eta: (p: { seconds: number }) => `about ${duration(p.seconds)} to go`,
    pausedAt: (p: { step: number; total: number }) => `Paused at step ${p.step} of ${p.total}`,
    stoppedAt: (p: { step: number; total: number }) => `Stopped at step ${p.step} of ${p.total}`,
    done: (p: { total: number }) => `Done: all ${p.total} steps`,
    recordedSummary: (p: { steps: number; seconds: number; speed: number; backend: string }) =>
      `${p.steps} steps in ${duration(p.seconds)} at ${Math.round(Number(p.speed))} digits/s on ${p.backend}`,
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop'
  },

  /** loading the official MNIST set in a cell (components/toolkit/mnist.ts) */
  mnistLoad: {
    downloading: (p: { received: number; total: number }) =>
      `Downloading the official MNIST set: ${megabytes(p.received)} of ${megabytes(p.total)} MB`,
    decoding: 'Decompressing and decoding the 70,000 digits…',
    loaded: (p: { train: number; test: number; total: number }) =>
      `Official MNIST: ${count(p.train)} training and ${count(p.test)} test digits (${megabytes(p.total)} MB, ` +
      'kept in this browser, so it loads offline next time).'
  },

  /** charts of training runs */
  charts: {
    step: 'step',
    epoch: 'epoch',
    loss: 'Loss',
    trainLoss: 'Training loss (epoch mean)',
    accuracy: 'Accuracy',
    testAccuracy: 'Test accuracy',
    testDotted: 'thin dotted: test accuracy',
    noData: 'No training data yet',
    pointAt: 'Point at a chart to read its values.',
    chartLabel: (p: { panel: string; x: string; runs: string }) =>
      `${p.panel} against ${p.x} for ${p.runs}. Use the arrow keys to read values.`,
    confusionTitle: 'Confusion matrix: rows are the true digit, columns what the net says',
    trueDigit: 'true digit',
    predicted: 'predicted',
    confusionSummary: (p: { wrong: number; total: number }) =>
      `${count(p.wrong)} of ${count(p.total)} test digits misread; the diagonal holds the right answers.`,
    misreadCaption: (p: { label: number; predicted: number }) => `a ${p.label} read as ${p.predicted}`,
    misreadSummary: (p: { shown: number; wrong: number }) =>
      `The ${count(p.wrong)} test digits the trained net gets wrong${Number(p.shown) < Number(p.wrong) ? ` (the first ${count(p.shown)})` : ''}: true digit → the net's answer.`,
    showAll: 'Show all'
  },

  /** what library code reports; each entry words one WordedError key */
  errors: {
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
