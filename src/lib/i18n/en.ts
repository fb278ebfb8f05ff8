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

/** Where a tensor's channel count comes from (src/lib/nn/provenance.ts): a layer, or the input and its shape. */
export type Source = { layer: string } | { input: string };

/** "incep1/concat" → "incep1's concat"; the input → "the input (1×28×28)". */
const source = (from: Source) => {
  if ('input' in from) return `the input (${from.input})`;
  const slash = from.layer.lastIndexOf('/');
  return slash < 0 ? from.layer : `${from.layer.slice(0, slash)}'s ${from.layer.slice(slash + 1)}`;
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

  /** links to the notebooks before and after this one, in the header and at the end */
  neighbours: {
    label: 'Other notebooks',
    previous: 'Previous',
    next: 'Next',
    previousShort: '← Previous',
    nextShort: 'Next →'
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

  /** the diagrams cells draw (components/diagrams): numbers come formatted, codes and shapes as they are */
  diagrams: {
    /** shapeFlow(model) */
    flow: {
      cannotDraw: (why: string) => `Cannot draw this model: ${why}`,
      cannotLayOut: (model: string, why: string) => `Cannot lay out model ${model}: ${why}`,
      totals: (params: string, multAdds: string) => `${params} parameters · ${multAdds} mult-adds`,
      expandAll: 'Expand all blocks',
      collapseAll: 'Collapse all blocks',
      /** the legend's name of each kind of layer (src/lib/nn/kinds.ts) */
      kinds: {
        input: 'input',
        conv: 'conv',
        pool: 'pool',
        concat: 'concat',
        add: 'add',
        merge: 'merge',
        dense: 'dense',
        flatten: 'flatten',
        activation: 'relu',
        batchnorm: 'batchnorm',
        pad: 'pad',
        dropout: 'dropout',
        reshape: 'reshape',
        model: 'model',
        block: 'block (click to expand)',
        other: 'other'
      },
      skip: 'skip',
      label: (model: string, tensors: number, from: string, to: string) =>
        `Shape flow of ${model}: ${tensors} tensors from ${from} to ${to}. The layer table gives the same information as a table.`,
      collapseBlock: (block: string) => `Block ${block}: collapse to one box`,
      /** what a collapsed block stands for, where a layer would show its PyTorch spelling */
      blockLayers: (block: string, layers: number) => `${block} (${layers} layers)`,
      /** a tensor's description for keyboard and screen-reader users */
      describe: (p: {
        id: string;
        torch: string;
        shape: string;
        nhwc: string;
        params: string;
        multAdds: string;
        className: string;
        note: string;
        collapsed: boolean;
      }) =>
        `${p.id}: ${p.torch}. Output ${p.shape} (C×H×W), tfjs NHWC ${p.nhwc}. ` +
        `${p.params} parameters, ${p.multAdds} mult-adds. tfjs class ${p.className}.` +
        (p.note ? ` ${p.note}.` : '') +
        (p.collapsed ? ' Collapsed block: press Enter to expand.' : ''),
      collapsedNode: (summary: string, description: string) =>
        `${summary}: collapsed block, press Enter to expand. ${description}`,
      // the details shown on hover
      block: 'block',
      shape: 'shape (C×H×W)',
      tfjsShape: 'tfjs (NHWC)',
      params: 'parameters',
      multAdds: 'mult-adds',
      flattened: 'flatten',
      channels: 'channels',
      clickToExpand: 'Click to expand'
    },

    /** layerTable(model) */
    table: {
      cannotSummarise: (why: string) => `Cannot summarise this model: ${why}`,
      caption: (model: string | null) =>
        `Layers of ${model ?? 'the model'}: output shape per sample as PyTorch prints it (C×H×W)`,
      layer: 'Layer',
      type: 'Type',
      outputShape: 'Output shape',
      params: 'Params',
      multAdds: 'Mult-adds',
      total: 'Total',
      tfjsShape: (shape: string) => `tfjs shape ${shape}`
    },

    /** costExplorer(): the sizes a reader types, then what they cost */
    cost: {
      legendBefore: (k: number) => `A ${k}×${k} convolution on an H×W×C`,
      legendAfter: ' input, with and without a 1×1 bottleneck of width b',
      fields: {
        h: 'height',
        w: 'width',
        cin: 'input channels',
        cout: 'output channels',
        k: 'kernel size',
        bottleneck: 'bottleneck width'
      },
      slider: (field: string) => `${field} slider`,
      typeWhole: (field: string) => `${field}: type a whole number`,
      notWhole: (field: string, value: number) => `${field} must be a whole number, got ${value}`,
      negative: (field: string, value: number) => `${field} must not be negative, got ${value}`,
      zero: (field: string) => `${field} must be at least 1, got 0`,
      directBefore: (k: number) => `Direct ${k}×${k}: `,
      bottleneckBefore: (width: number) => `With a 1×1 bottleneck to ${width}: `,
      multAddsAfter: ' mult-adds',
      /** the word under the 1×1 term of the formula (TeX text) */
      reduceTex: 'reduce',
      ratioBefore: 'The bottleneck needs ',
      ratioValue: (ratio: string) => `${ratio}×`,
      ratioAfter: (p: { more: boolean; weights: string; directWeights: string }) =>
        ` fewer multiply-adds${p.more ? ' (more, in fact: the bottleneck is wider than it saves)' : ''} ` +
        `and ${p.weights} instead of ${p.directWeights} weights (without biases).`,
      keyDirect: (k: number) => `direct ${k}×${k}`,
      keyReduce: '1×1 reduce',
      keyExpand: (k: number) => `${k}×${k} after the bottleneck`,
      barExpand: (k: number) => `${k}×${k}`
    },

    /** oneByOne(): one pixel's channels through a 1×1 kernel */
    oneByOne: {
      label: (cin: number, cout: number) =>
        `An H×W×${cin} input and an H×W×${cout} output: the same 1×1 kernel maps each input pixel's ${cin} channels to that pixel's ${cout} output channels`,
      input: (cin: number) => `input: H×W×${cin}`,
      output: (cout: number) => `output: H×W×${cout}`,
      conv: (cin: number, cout: number) => `1×1 conv, ${cin}→${cout}`,
      sameWeights: 'same weights at every pixel',
      pixelBefore: 'the ',
      pixel: 'pixel',
      pixelAfter: "'s channels",
      inputValue: (channel: number) => `input channel ${channel} value`,
      kernel: (cout: number, cin: number) => `kernel: ${cout}×${cin}×1×1`,
      weight: (output: number, channel: number) => `weight of output ${output} for input channel ${channel}`,
      sums: 'output pixel: weighted sums',
      explain: (cin: number, cout: number) =>
        `A 1×1 convolution is a small fully connected layer from ${cin} channels to ${cout}, applied to every ` +
        `pixel on its own: ${cout}·${cin} = ${cout * cin} weights (+ ${cout} biases), whatever H and W are.`
    },

    /** featureMaps(model, image) */
    maps: {
      cannotShow: (why: string) => `Cannot show feature maps: ${why}`,
      noLayer: (model: string, layer: string, layers: string[]) =>
        `model ${model} has no layer "${layer}" (its layers: ${layers.join(', ')})`,
      imageSize: (values: number, wanted: number, shape: string) =>
        `the image has ${values} values, the model wants ${wanted} (${shape})`,
      computing: 'Computing activations…',
      scale: 'Colour scale:',
      shared: 'shared by all maps',
      perMap: 'per map',
      lowHigh: 'low → high',
      inputLabel: 'the input digit',
      input: (shape: string) => `input ${shape}`,
      channelMaps: (count: number, layer: string) => `${count} channel maps of ${layer}`,
      channel: (layer: string, channel: number, range: string) => `${layer} channel ${channel}: ${range}`,
      more: (count: number) => `… and ${count} more channels`
    },

    /** digitProbabilities(model, image) */
    probabilities: {
      label: 'The probability of each digit, 0 to 9',
      notTen: (count: number) => `the model gives ${count} outputs, not the ten of the digits 0–9`,
      cannotShow: (why: string) => `Cannot show the probabilities: ${why}`
    },

    /** digitPad() */
    pad: {
      label: 'Drawing pad: draw one digit with the mouse, a pen or a finger',
      hint: 'draw a digit here',
      previewLabel: 'The digit as the network sees it: 28×28, centred',
      preview: '28×28, as the network sees it',
      clear: 'Clear'
    }
  },

  /** what the engine writes into a cell's output */
  engine: {
    errorTitle: 'Error',
    atLine: (line: number) => `(line ${line})`,
    atPosition: (line: number, column: number) => `(line ${line}, column ${column})`,
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
    linkNoSection: (section: string) =>
      `This notebook has no section “${section}” any more, so it opens at the top.`,
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
    recordedOn: (p: { backend: string; seconds: number }) => `a recorded run (${p.backend}, ${p.seconds} s)`,
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop',
    timed: 'Timed on this device:',
    figure: (p: { backend: string; speed: number }) => `${p.backend} ${count(Math.round(Number(p.speed)))}/s`,
    failedOn: (p: { backend: string }) => `${p.backend} failed`,
    skippedSoftware: (p: { backend: string }) => `${p.backend} skipped (software GPU, slower than wasm)`,
    trainOn: 'Train on',
    fromNextRun: 'from the next run'
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
    testMarks: 'test accuracy (measured on held-out digits)',
    noData: 'No training data yet',
    pointAt: 'Point at a chart to read its values.',
    readout: (p: { run: string; loss?: number; accuracy?: number; test?: number }) =>
      `${p.run}: loss ${p.loss?.toFixed(3)}` +
      (Number.isFinite(p.accuracy) ? `, accuracy ${(p.accuracy! * 100).toFixed(1)}%` : '') +
      (Number.isFinite(p.test) ? `, test ${(p.test! * 100).toFixed(1)}%` : ''),
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
    torchKeyMissing: (p: { key: string }) =>
      `The PyTorch weights have no tensor "${p.key}", which this model's PyTorch module needs.`,
    torchShapeDiffers: (p: { key: string; expected: string; got: string }) =>
      `The PyTorch tensor "${p.key}" is ${p.got}, but this model needs ${p.expected}.`,
    // a diagram given something it cannot draw (src/lib/nn/graph.ts, layout.ts); `got` is a class or typeof name
    notLayersModel: (p: { got: string }) =>
      `expected a tf.LayersModel (tf.model, tf.sequential or buildModel), got ${p.got}` +
      (p.got === 'GraphModel' ? ' (a tf.GraphModel has no layers to analyse)' : ''),
    noInputShape: (p: { model: string }) =>
      `model ${p.model} has no known input shape yet: give its first layer an inputShape`,
    nothingToDraw: (p: { model: string }) => `model ${p.model} has no layers to draw`,
    tooManyToDraw: (p: { model: string; layers: number }) =>
      `model ${p.model} has ${p.layers} layers, too many to draw; collapse its blocks or use layerTable()`,
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
      'so a cell cannot declare it. Pick another name.',
    // the compiler: acorn's syntax messages (as acorn words them), then our own refusals
    syntaxUnexpectedToken: () => 'Unexpected token',
    syntaxUnexpectedCharacter: (p: { char: string }) => `Unexpected character '${p.char}'`,
    syntaxUnterminatedString: () => 'Unterminated string constant',
    syntaxUnterminatedTemplate: () => 'Unterminated template literal',
    syntaxUnterminatedComment: () => 'Unterminated comment',
    syntaxUnterminatedRegExp: () => 'Unterminated regular expression',
    syntaxRedeclared: (p: { name: string }) => `Identifier '${p.name}' has already been declared`,
    syntaxMissingInitializer: (p: { kind: string }) => `Missing initializer in ${p.kind} declaration`,
    syntaxAssignToRvalue: () => 'Assigning to rvalue',
    syntaxUnexpectedKeyword: (p: { name: string }) => `Unexpected keyword '${p.name}'`,
    syntaxReservedWord: (p: { name: string }) => `The keyword '${p.name}' is reserved`,
    syntaxInvalidNumber: () => 'Invalid number',
    syntaxIdentifierAfterNumber: () => 'Identifier directly after number',
    // any other message of acorn's, kept as acorn words it
    syntaxOther: (p: { message: string }) => p.message,
    topLevelReturn: () => '`return` cannot be used at the top level of a cell.',
    yieldWithNames: (p: { names: string[] }) =>
      `A cell that uses \`yield\` cannot also declare names (${p.names.join(', ')}). ` +
      'Move the declarations to their own cell, or wrap them in { } to keep them local.',
    // `source` is the module an import names; null for an export
    importRefused: (p: { source: string | null }) =>
      `Cells cannot use \`${p.source == null ? 'export' : `import from "${p.source}"`}\`. ` +
      'These are already available by name: d3, tf, html, svg, md, tex, text, ' +
      'Generators, Inputs, width, now, plus the lecture toolkit. Other cells share values by declaring them (const x = …).',
    // an edit that would break the notebook's graph (cell-graph.ts)
    nameTaken: (p: { name: string; cell: string }) =>
      `\`${p.name}\` is already defined in cell “${p.cell}”. A name can be defined in only one cell: ` +
      'rename it here, or wrap this cell in { … } to keep its names local.',
    circular: (p: { cycle: string[] }) =>
      `Circular definition: ${p.cycle.join(' → ')}. A cell cannot depend, even indirectly, on its own result.`,
    // the runtime's own messages (@observablehq/runtime), as it words them
    runtimeNotDefined: (p: { name: string }) => `${p.name} is not defined`,
    runtimeDefinedTwice: (p: { name: string }) => `${p.name} is defined more than once`,
    runtimeCircular: () => 'circular definition',
    runtimeUnresolved: (p: { name: string }) => `${p.name} could not be resolved`,
    // the model builders (src/lib/nn); `from` says where a count comes from (worded by `source`: "conv1", "incep1's concat",
    // "the input (1×28×28)"), `formula` how it was summed ("16+24+24+40")
    convChannels: (p: { layer: string; expected: number; got: number; formula?: string; from: Source }) =>
      `${p.layer} expects ${p.expected} input channels but receives ${p.got}${p.formula ? ` = ${p.formula}` : ''} ` +
      `from ${source(p.from)}`,
    batchNormChannels: (p: {
      layer: string;
      expected: number;
      got: number;
      formula?: string;
      from: Source;
    }) =>
      `${p.layer} expects ${p.expected} channels but receives ${p.got}${p.formula ? ` = ${p.formula}` : ''} from ${source(p.from)}`,
    linearFeatures: (p: { layer: string; expected: number; got: number; formula?: string; from: Source }) =>
      `${p.layer} expects ${p.expected} input features but receives ${p.got}${p.formula ? ` = ${p.formula}` : ''} ` +
      `from ${source(p.from)}`,
    linearNotFlat: (p: { layer: string; expected: number; shape: string; from: Source }) =>
      `${p.layer} expects a flat vector of ${p.expected} features but receives a ` +
      `${p.shape} tensor from ${source(p.from)}: flatten it first (x.view(in_size, -1) in PyTorch)`,
    catEmpty: () => 'cat needs at least one tensor',
    catSizes: (p: { layer: string; sizes: string[] }) =>
      `${p.layer} needs the same H×W on every input but gets ${p.sizes.join(', ')}`,
    addShapes: (p: { layer: string; a: string; b: string; fromA: Source; fromB: Source }) =>
      `${p.layer} cannot add ${p.a} (from ${source(p.fromA)}) and ${p.b} (from ${source(p.fromB)}): ` +
      'a residual connection needs both shapes to match',
    notImage: (p: { layer: string; shape: string; from: Source }) =>
      `${p.layer} expects an image tensor (C×H×W) but receives ${p.shape} from ${source(p.from)}`,
    windowTooBig: (p: {
      layer: string;
      kernel: number;
      padding: number;
      needed: number;
      size: string;
      from: Source;
    }) =>
      `${p.layer} (kernel ${p.kernel}×${p.kernel}, padding ${p.padding}) needs an input of at least ` +
      `${p.needed}×${p.needed} but receives ${p.size} from ${source(p.from)}`,
    inputShape: (p: { shape: string }) => `input shape must be [C, H, W] or [features], got [${p.shape}]`,
    poolPadding: (p: { layer: string; padding: number; kernel: number }) =>
      `${p.layer} padding should be at most half the kernel size, got padding ${p.padding} for kernel ${p.kernel}`,
    maxPoolPadding: (p: { padding: number; kernel: number; stride: number }) =>
      `MaxPool2d padding ${p.padding} with kernel ${p.kernel}, stride ${p.stride} is not supported here; ` +
      'use padding 0, or padding (k−1)/2 with stride 1',
    adaptivePoolSize: () => 'AdaptiveAvgPool2d supports output size 1 (global average) only',
    // a size given to a builder (`field` is the argument, e.g. "Conv2d inChannels"; `value` as written)
    sizeNotNumber: (p: { field: string; value: string }) => `${p.field} must be a number, got ${p.value}`,
    sizeNotWhole: (p: { field: string; value: string }) =>
      `${p.field} must be a whole number, got ${p.value}`,
    sizeNegative: (p: { field: string; value: string }) => `${p.field} must not be negative, got ${p.value}`,
    sizeZero: (p: { field: string }) => `${p.field} must be at least 1, got 0`,
    // the trainer: each problem with a training request (validate.ts), then all of them in one message
    lrNotNumber: (p: { value: string }) => `learningRate must be a number, got ${p.value}.`,
    lrNotPositive: (p: { value: number }) => `learningRate must be greater than 0, got ${p.value}.`,
    lrTooLarge: (p: { value: number; max: number }) =>
      `learningRate ${p.value} is too large (at most ${p.max}); the loss would diverge. Try 0.01.`,
    batchNotWhole: (p: { value: string }) =>
      `batchSize must be a whole number of at least 1, got ${p.value}.`,
    batchTooLarge: (p: { value: number; count: number }) =>
      `batchSize ${p.value} is larger than the ${p.count} training examples.`,
    epochsNotWhole: (p: { value: string }) => `epochs must be a whole number of at least 1, got ${p.value}.`,
    optimizerUnknown: (p: { value: string }) => `optimizer must be 'sgd' or 'adam', got ${p.value}.`,
    momentumRange: (p: { value: string }) => `momentum must be in [0, 1), got ${p.value}.`,
    seedNotFinite: (p: { value: string }) => `seed must be a finite number, got ${p.value}.`,
    milestonesNotSteps: (p: { value: string }) =>
      `schedule.milestones must be a list of whole step numbers ≥ 1, got ${p.value}.`,
    milestonesNotIncreasing: (p: { value: string }) => `schedule.milestones must increase, got ${p.value}.`,
    gammaRange: (p: { value: string }) => `schedule.gamma must be in (0, 1], got ${p.value}.`,
    noExamples: () => 'There are no training examples.',
    outputShape: (p: { shape: string }) =>
      `The model's output must have shape [batch, 10] (one score per digit), got [${p.shape}].`,
    layerUnknown: (p: { className: string; layer?: string }) =>
      `Layer class ${p.className}${p.layer ? ` ("${p.layer}")` : ''} cannot be rebuilt in the training worker; ` +
      'register it with tf.serialization.registerClass in the worker or use built-in layers.',
    // `problems` are wordings of the keys above (or, from older code, finished sentences)
    cannotTrain: (p: { problems: (string | { key: string; params: unknown })[] }): string =>
      `Cannot train: ${p.problems.map((problem) => wordIn(en.errors, problem)).join(' ')}`,
    lossDiverged: (p: { loss: number; step: number; learningRate: number }) =>
      `The loss became ${p.loss} at step ${p.step} (learning rate ${p.learningRate}): training diverged and was stopped. ` +
      `Try a smaller learning rate, e.g. ${p.learningRate / 10}.`,
    trainerBusy: () => 'A training is already running in this worker; stop it first.',
    workerFailed: () => 'The training worker failed to start.',
    // the title of an error's red box, by the error's kind (other kinds show their own name)
    titleSyntax: () => 'SyntaxError',
    titleShape: () => 'ShapeError',
    titleLoop: () => 'LoopTimeoutError',
    // a note under a cell (not an error): the compiler's guess at a likely mistake
    trailingSemicolon: () =>
      'This cell shows nothing because it ends with “;”. Remove the “;” to display its value.',
    // the lecture's nets (nets.ts)
    plainDepth: (p: { depth: number }) =>
      `plainStack depth counts the stem conv and the fc, so it must be at least 2, got ${p.depth}`,
    residualDepth: (p: { depth: number }) =>
      `residualStack depth must be 2 + an even number of layers (8, 20, 32, 56, …), got ${p.depth}`
  }
};

/**
 * Words a message nested in another's parameters (a list of problems) with the same catalogue's `errors`;
 * a plain string is already worded.
 */
export function wordIn(errors: object, wording: string | { key: string; params: unknown }): string {
  if (typeof wording === 'string') return wording;
  const entry = (errors as Record<string, ((params: unknown) => string) | undefined>)[wording.key];
  return entry ? entry(wording.params) : wording.key;
}

/** The shape every catalogue has: the English one's. */
export type Messages = typeof en;
