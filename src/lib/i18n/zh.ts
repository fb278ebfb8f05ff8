/**
 * 页面上给读者看的每一句话（中文版）。键与英文目录 en.ts 完全相同；缺了哪一个，类型检查和
 * catalogue.test.ts 都会失败。术语随 d2l-zh：单元格、通道、卷积、池化、残差块……
 */
import type { Messages } from './en';

const quoteAll = (ids: string[]) => ids.map((id) => `“${id}”`).join('、');
const origins = { link: '链接', file: '文件' } as const;

/** 笔记本为每个单元格提供的名字，各自是什么。 */
const reservedWhy: Record<string, string> = {
  invalidation: '单元格即将重新运行时兑现的 Promise',
  visibility: '单元格进入视野时兑现的 Promise',
  display: '在单元格里显示一个值的函数',
  view: '显示一个输入控件、并把它的值交给其他单元格的函数',
  __loopGuard: '让卡住页面的循环停下来的检查'
};

const percent = (x: number) => `${(100 * Number(x)).toFixed(2)}%`;
const count = (n: number) => Number(n).toLocaleString('en-US');
const megabytes = (bytes: number) => (Number(bytes) / 1e6).toFixed(1);
/** "40 秒"、"12 分钟"、"1 小时 5 分钟"。 */
const duration = (seconds: number) => {
  const s = Math.max(0, Math.round(Number(seconds)));
  if (!(s >= 60)) return `${Number.isFinite(s) ? s : 0} 秒`;
  const min = Math.round(s / 60);
  return min < 60 ? `${min} 分钟` : `${Math.floor(min / 60)} 小时 ${min % 60} 分钟`;
};

export const zh = {
  site: {
    name: '进阶 CNN 实时笔记本',
    title: '进阶 CNN 实时笔记本 —— 1×1 卷积、Inception 与 ResNet',
    description: '可交互的笔记本：GoogLeNet 为什么用 1×1 卷积，ResNet 的跳跃连接为什么能让深层网络训练起来。',
    heading: '从 1×1 卷积到残差网络',
    leadBefore: '每个笔记本都能边改边运行：改一个数字，按',
    leadAfter: '，所有依赖它的内容都会随之更新——图示、计算量，连实时训练也不例外。',
    resume: '从上次读到的地方继续：',
    minutes: (minutes: number) => `约 ${minutes} 分钟`,
    glossary: '中英术语对照',
    otherLanguage: 'English',
    otherLanguageLabel: 'Read this in English'
  },

  glossary: {
    title: '中英术语对照',
    intro:
      '课程里用到的术语，中英对照。中文沿用讲义的说法（卷积；“Inception Module”保留英文），其余依照《动手学深度学习》中文版（d2l-zh）；两种说法都常见的，一并列出。',
    english: '英文',
    chinese: '中文',
    lesson: '首次出现',
    lessonNumber: (n: number) => `第 ${String(n).padStart(2, '0')} 篇`,
    back: '← 全部笔记本'
  },

  toolbar: {
    home: '← 全部笔记本',
    edited: (count: number) => `已修改 ${count} 个单元格`,
    resetAll: '全部还原',
    download: '下载我的版本',
    present: '演示',
    presentWhy: '以幻灯片演示（按 F 全屏）'
  },

  cellState: {
    idle: '未运行',
    dirty: '已修改，按 Shift+Enter 运行',
    running: '运行中…',
    ok: '完成',
    error: '出错'
  },

  cell: {
    label: (id: string) => `单元格 ${id}`,
    editorLabel: (id: string) => `单元格 ${id} 的代码，按 Shift+Enter 运行。`,
    edit: (id: string) => `编辑单元格 ${id}`,
    originalChanged: '原文已更新',
    originalChangedWhy: '你修改这个单元格之后，笔记本的原始代码又更新过。',
    viewOriginal: '查看原始代码',
    hideOriginal: '收起原始代码',
    foreign: (origin: 'link' | 'file') => `来自${origins[origin]}，尚未运行`,
    foreignWhy: '这是别人写的代码：先读一遍，再决定要不要运行。',
    run: '运行',
    runWhy: '运行（Shift+Enter）',
    showCode: '显示代码',
    hideCode: '隐藏代码',
    reset: '还原',
    resetWhy: '换回笔记本原来的代码'
  },

  engine: {
    errorTitle: '错误',
    atLine: (line: number) => `（第 ${line} 行）`,
    atPosition: (line: number, column: number) => `（第 ${line} 行第 ${column} 列）`,
    notDefined: (name: string) => `${name} 没有定义`,
    waitingFor: (name: string, cell: string) => `等待 \`${name}\`：单元格“${cell}”出错了。`,
    waitingForPaused: (name: string, cell: string) =>
      `等待 \`${name}\`：单元格“${cell}”已暂停，运行它之后才会继续。`,
    didYouMean: (names: string[]) => `你是不是想写 ${names.map((n) => `\`${n}\``).join(' 或 ')}？`,
    truncated: (count: number) => `输出已截断：这个单元格显示了超过 ${count} 个值。`,
    shadowsBuiltin: (names: string[]) =>
      `这个单元格定义的 ${names.map((n) => `\`${n}\``).join('、')} 在整个笔记本里替换了同名的内置对象：` +
      '所有读取它的单元格现在拿到的都是这里的值。想保留内置对象，就换个名字。',
    readsShadowed: (name: string, cell: string) =>
      `这个单元格读取了 \`${name}\`，而单元格“${cell}”重新定义了它，替换了内置的 \`${name}\`。`
  },

  session: {
    pausedLink: '这段代码来自你打开的链接，还没有运行。读过之后，按“运行”（或 Shift+Enter）运行它。',
    pausedFile: '这段代码来自你打开的文件，还没有运行。读过之后，按“运行”（或 Shift+Enter）运行它。',
    pausedSafe:
      '已暂停：这个单元格里是你的修改，安全模式下修改过的单元格要等你运行。按“运行”（或 Shift+Enter）运行它。',
    resetCell: (id: string) => `已还原单元格“${id}”`,
    resetCells: (count: number) => `已还原 ${count} 个修改过的单元格`,
    editReplaced: (id: string) => `你对“${id}”的修改已被替换`,
    noChanges: (origin: 'link' | 'file') => `这个${origins[origin]}没有改动本笔记本的任何单元格。`
  },

  notices: {
    safeTitle: '安全模式。',
    safeAsked: '你在地址里加了 ?safe 打开这个笔记本。',
    safeFroze: (cells: string[]) =>
      `上次访问在运行你修改过的单元格 ${quoteAll(cells)} 时卡住了，或离开了页面。`,
    safeBroke: (cells: string[]) =>
      `上次访问在运行你修改过的单元格 ${quoteAll(cells)} 之后，页面上的笔记本不见了。`,
    safeKept: '你的修改都还在，但修改过的单元格先暂停，等你决定。',
    runEdited: '运行修改过的单元格',
    resetAll: '全部还原为原始代码',
    incomingTitle: (origin: 'link' | 'file') => `来自${origins[origin]}的代码。`,
    incomingChanges: (cells: string[]) => `它改动了单元格 ${quoteAll(cells)}：代码已显示，但还没有运行。`,
    incomingUnknown: (origin: 'link' | 'file', cells: string[]) =>
      `这个${origins[origin]}还带有 ${quoteAll(cells)} 的代码，但本笔记本没有这些单元格，已略去。`,
    linkUnreadable: (why: string) => `无法读取这个链接：${why}`,
    runIt: '运行',
    discardIt: '丢弃',
    dismiss: '关闭',
    undo: '撤销'
  },

  share: {
    linkStartsWork: (name: string) =>
      `链接想设置“${name}”，但它会启动训练；链接从不自行启动计算，所以保持原样。`,
    linkValueRefused: (name: string, value: string) =>
      `链接把“${name}”设为 ${value}，但这个输入控件没有这个选项，保留默认值。`,
    leftOut: (names: string[]) =>
      `链接里不包含 ${quoteAll(names)}：它们会启动训练，由打开链接的人自己决定是否开启。`
  },

  training: {
    recorded: '录制的训练',
    live: '实时训练',
    epochOf: (p: { epoch: number; epochs: number }) => `第 ${p.epoch} 轮（共 ${p.epochs} 轮）`,
    stepOf: (p: { step: number; total: number }) => `第 ${p.step} 步（共 ${p.total} 步）`,
    loss: (p: { loss: number }) => `损失 ${Number(p.loss).toFixed(3)}`,
    trainAccuracy: (p: { accuracy: number }) => `本轮训练准确率 ${percent(p.accuracy)}`,
    testAccuracy: (p: { accuracy: number; epoch: number; test: number }) =>
      `测试准确率 ${percent(p.accuracy)}（第 ${p.epoch} 轮后，${count(p.test)} 个测试数字）`,
    speed: (p: { speed: number; backend: string }) =>
      `每秒 ${Math.round(Number(p.speed))} 个数字（${p.backend}）`,
    eta: (p: { seconds: number }) => `预计还需 ${duration(p.seconds)}`,
    pausedAt: (p: { step: number; total: number }) => `已暂停于第 ${p.step} 步（共 ${p.total} 步）`,
    stoppedAt: (p: { step: number; total: number }) => `已停止于第 ${p.step} 步（共 ${p.total} 步）`,
    done: (p: { total: number }) => `完成：全部 ${p.total} 步`,
    recordedSummary: (p: { steps: number; seconds: number; speed: number; backend: string }) =>
      `${p.steps} 步，用时 ${duration(p.seconds)}，每秒 ${Math.round(Number(p.speed))} 个数字（${p.backend}）`,
    pause: '暂停',
    resume: '继续',
    stop: '停止'
  },

  mnistLoad: {
    downloading: (p: { received: number; total: number }) =>
      `正在下载官方 MNIST 数据集：${megabytes(p.received)} / ${megabytes(p.total)} MB`,
    decoding: '正在解压并解码 70,000 个数字……',
    loaded: (p: { train: number; test: number; total: number }) =>
      `官方 MNIST：训练集 ${count(p.train)} 个、测试集 ${count(p.test)} 个数字（${megabytes(p.total)} MB，` +
      '已保存在本浏览器中，下次离线也能加载）。'
  },

  charts: {
    step: '步',
    epoch: '轮',
    loss: '损失',
    trainLoss: '训练损失（每轮平均）',
    accuracy: '准确率',
    testAccuracy: '测试准确率',
    testDotted: '细点线：测试准确率',
    noData: '还没有训练数据',
    pointAt: '把指针移到图上读取数值。',
    chartLabel: (p: { panel: string; x: string; runs: string }) =>
      `${p.runs} 的${p.panel}随${p.x}的变化。用方向键读取数值。`,
    confusionTitle: '混淆矩阵：行是真实数字，列是网络的判断',
    trueDigit: '真实数字',
    predicted: '预测',
    confusionSummary: (p: { wrong: number; total: number }) =>
      `${count(p.total)} 个测试数字中认错了 ${count(p.wrong)} 个；对角线上是认对的。`,
    misreadCaption: (p: { label: number; predicted: number }) => `${p.label} 被认成 ${p.predicted}`,
    misreadSummary: (p: { shown: number; wrong: number }) =>
      `训练好的网络认错的 ${count(p.wrong)} 个测试数字${Number(p.shown) < Number(p.wrong) ? `（前 ${count(p.shown)} 个）` : ''}：真实数字 → 网络的回答。`,
    showAll: '全部显示'
  },

  errors: {
    loopStopped: (p: { line: number; seconds: number }) =>
      `第 ${p.line} 行的循环让页面忙了超过 ${p.seconds} 秒，已被停止。它的条件会不会永远为真？`,
    draftsNoStorage: () => '这个浏览器不允许本地存储，你的修改不会被保存。',
    draftsDamaged: () => '无法读取你为这个笔记本保存的修改（存储的数据已损坏），现在显示的是原始版本。',
    draftsUnreadable: () => '这里无法读取本地存储，你的修改不会被保存。',
    draftsFull: () => '本地存储已满，最新的修改没有保存。可以先“下载我的版本”留住它们。',
    draftsRefused: () => '本地存储拒绝写入，最新的修改没有保存。',
    linkSection: (p: { section: string }) => `无法识别链接里的章节“${p.section}”，从页首打开。`,
    linkValue: (p: { name: string; raw: string }) =>
      `无法识别链接里“${p.name}”的值（${p.raw}），保留默认值。`,
    linkValueTooLong: (p: { name: string; max: number }) =>
      `链接里“${p.name}”的值太长（超过 ${p.max} 个字符），保留默认值。`,
    linkCodeCut: () => '无法读取链接里的代码：链接似乎被截断或改动过。',
    linkCodeNotCells: () => '无法读取链接里的代码：它不是一组单元格。',
    linkCodeNoSource: (p: { cell: string }) => `无法读取链接里的代码：单元格“${p.cell}”没有源代码。`,
    linkCodeTooBig: (p: { max: number }) =>
      `无法读取链接里的代码：解压后超过 ${p.max.toLocaleString('zh-CN')} 个字符。`,
    reservedName: (p: { name: string }) =>
      `\`${p.name}\` 是笔记本提供给每个单元格的名字（${reservedWhy[p.name] ?? '引擎要用'}），单元格不能声明它。请换一个名字。`
  }
} satisfies Messages;
