/**
 * 页面上给读者看的每一句话（中文版）。键与英文目录 en.ts 完全相同；缺了哪一个，类型检查和
 * catalogue.test.ts 都会失败。术语随 d2l-zh：单元格、通道、卷积、池化、残差块……
 */
import { wordIn, type Messages, type Source } from './en';

const quoteAll = (ids: string[]) => ids.map((id) => `“${id}”`).join('、');
const origins = { link: '链接', file: '文件' } as const;

/** 录制时所用后端的中文说明（scripts/pretrain.ts 写下的英文原文 → 中文）。 */
const recordedBackends: Record<string, string> = {
  "wasm (Node) with the project's training kernels": 'Node 中的 wasm，加上本项目的训练内核'
};

/** 构建模型时说明通道数从哪里来：输入 → “输入（1×28×28）”，“incep1/concat” → “incep1 的 concat”。 */
const source = (from: Source) => {
  if ('input' in from) return `输入（${from.input}）`;
  const slash = from.layer.lastIndexOf('/');
  const phrase = slash < 0 ? from.layer : `${from.layer.slice(0, slash)} 的 ${from.layer.slice(slash + 1)}`;
  // 中英文之间留一个空格（句末的空格由调用处去掉）
  return `${/^[\x20-\x7e]/.test(phrase) ? ' ' : ''}${phrase}${/[\x20-\x7e]$/.test(phrase) ? ' ' : ''}`;
};
/** 通道数是怎么加出来的：“（16+24+24+40）”。 */
const formula = (sum?: string) => (sum ? `（${sum}）` : '');

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

  neighbours: {
    label: '其他笔记本',
    previous: '上一篇',
    next: '下一篇',
    previousShort: '← 上一篇',
    nextShort: '下一篇 →'
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

  diagrams: {
    flow: {
      cannotDraw: (why: string) => `无法绘制这个模型：${why}`,
      cannotLayOut: (model: string, why: string) => `无法排布模型 ${model}：${why}`,
      totals: (params: string, multAdds: string) => `参数 ${params} 个 · 乘加 ${multAdds} 次`,
      expandAll: '展开所有块',
      collapseAll: '折叠所有块',
      kinds: {
        input: '输入',
        conv: '卷积',
        pool: '池化',
        concat: '拼接',
        add: '相加',
        merge: '合并',
        dense: '全连接',
        flatten: '展平',
        activation: 'ReLU 激活',
        batchnorm: '批量规范化',
        pad: '填充',
        dropout: '暂退（dropout）',
        reshape: '变形',
        model: '模型',
        block: '块（点击展开）',
        other: '其他'
      },
      skip: '跳跃连接',
      label: (model: string, tensors: number, from: string, to: string) =>
        `${model} 的形状流图：${tensors} 个张量，从 ${from} 到 ${to}。层表以表格形式给出同样的信息。`,
      collapseBlock: (block: string) => `块 ${block}：折叠成一个方框`,
      blockLayers: (block: string, layers: number) => `${block}（${layers} 层）`,
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
        `${p.id}：${p.torch}。输出形状 ${p.shape}（C×H×W），在 tfjs 中按 NHWC 为 ${p.nhwc}。` +
        `参数 ${p.params} 个，乘加 ${p.multAdds} 次。tfjs 类 ${p.className}。` +
        (p.note ? `${p.note}。` : '') +
        (p.collapsed ? '这是折叠起来的块：按 Enter 展开。' : ''),
      collapsedNode: (summary: string, description: string) =>
        `${summary}：折叠起来的块，按 Enter 展开。${description}`,
      block: '块',
      shape: '形状（C×H×W）',
      tfjsShape: 'tfjs 形状（NHWC）',
      params: '参数量',
      multAdds: '乘加次数',
      flattened: '展平',
      channels: '通道',
      clickToExpand: '点击展开'
    },

    table: {
      cannotSummarise: (why: string) => `无法列出这个模型的各层：${why}`,
      caption: (model: string | null) =>
        `${model ? `${model} ` : '模型'}的各层：每个样本的输出形状，按 PyTorch 的写法（C×H×W）`,
      layer: '层',
      type: '类型',
      outputShape: '输出形状',
      params: '参数量',
      multAdds: '乘加次数',
      total: '合计',
      tfjsShape: (shape: string) => `tfjs 中的形状 ${shape}`
    },

    cost: {
      legendBefore: (k: number) => `${k}×${k} 卷积，输入为 H×W×C`,
      legendAfter: '：不加与加上宽度为 b 的 1×1 瓶颈层',
      fields: {
        h: '高度',
        w: '宽度',
        cin: '输入通道数',
        cout: '输出通道数',
        k: '卷积核大小',
        bottleneck: '瓶颈层宽度'
      },
      slider: (field: string) => `${field}滑块`,
      typeWhole: (field: string) => `${field}：请输入一个整数`,
      notWhole: (field: string, value: number) => `${field}必须是整数，现在是 ${value}`,
      negative: (field: string, value: number) => `${field}不能是负数，现在是 ${value}`,
      zero: (field: string) => `${field}至少为 1，现在是 0`,
      directBefore: (k: number) => `直接做 ${k}×${k} 卷积：`,
      bottleneckBefore: (width: number) => `先用 1×1 卷积降到 ${width} 个通道：`,
      multAddsAfter: ' 次乘加',
      reduceTex: '降维',
      ratioBefore: '直接卷积的乘加次数是加了瓶颈层之后的 ',
      ratioValue: (ratio: string) => `${ratio} 倍`,
      ratioAfter: (p: { more: boolean; weights: string; directWeights: string }) =>
        `${p.more ? '（不到 1 倍：瓶颈层太宽，反而更费）' : ''}；` +
        `权重也从 ${p.directWeights} 个变为 ${p.weights} 个（不计偏置）。`,
      keyDirect: (k: number) => `直接 ${k}×${k} 卷积`,
      keyReduce: '1×1 降维',
      keyExpand: (k: number) => `瓶颈层之后的 ${k}×${k} 卷积`,
      barExpand: (k: number) => `${k}×${k} 卷积`
    },

    oneByOne: {
      label: (cin: number, cout: number) =>
        `H×W×${cin} 的输入与 H×W×${cout} 的输出：同一个 1×1 卷积核把每个输入像素的 ${cin} 个通道映射为该像素的 ${cout} 个输出通道`,
      input: (cin: number) => `输入：H×W×${cin}`,
      output: (cout: number) => `输出：H×W×${cout}`,
      conv: (cin: number, cout: number) => `1×1 卷积，${cin}→${cout}`,
      sameWeights: '每个像素用同一组权重',
      pixelBefore: '所选',
      pixel: '像素',
      pixelAfter: '的各个通道',
      inputValue: (channel: number) => `输入通道 ${channel} 的值`,
      kernel: (cout: number, cin: number) => `卷积核：${cout}×${cin}×1×1`,
      weight: (output: number, channel: number) => `输出通道 ${output} 对输入通道 ${channel} 的权重`,
      sums: '输出像素：加权和',
      explain: (cin: number, cout: number) =>
        `1×1 卷积就是一个从 ${cin} 个通道到 ${cout} 个通道的小型全连接层，分别作用在每个像素上：` +
        `不管 H 和 W 是多少，都是 ${cout}·${cin} = ${cout * cin} 个权重（另加 ${cout} 个偏置）。`
    },

    maps: {
      cannotShow: (why: string) => `无法显示特征图：${why}`,
      noLayer: (model: string, layer: string, layers: string[]) =>
        `模型 ${model} 里没有名为“${layer}”的层（它的层有：${layers.join('、')}）`,
      imageSize: (values: number, wanted: number, shape: string) =>
        `这张图像有 ${values} 个值，而模型需要 ${wanted} 个（${shape}）`,
      computing: '正在计算激活值…',
      scale: '色标：',
      shared: '所有特征图共用',
      perMap: '每张图各自',
      lowHigh: '低 → 高',
      inputLabel: '输入的数字',
      input: (shape: string) => `输入 ${shape}`,
      channelMaps: (count: number, layer: string) => `${layer} 的 ${count} 个通道的特征图`,
      channel: (layer: string, channel: number, range: string) => `${layer} 通道 ${channel}：${range}`,
      more: (count: number) => `…… 另有 ${count} 个通道未显示`
    },

    probabilities: {
      label: '每个数字（0 到 9）的概率',
      notTen: (count: number) => `模型有 ${count} 个输出，而不是对应数字 0–9 的 10 个`,
      cannotShow: (why: string) => `无法显示概率：${why}`
    },

    pad: {
      label: '手写板：用鼠标、触控笔或手指写一个数字',
      hint: '在这里写一个数字',
      previewLabel: '网络看到的数字：28×28，已居中',
      preview: '28×28，网络看到的样子',
      clear: '清除'
    }
  },

  engine: {
    errorTitle: '错误',
    atLine: (line: number) => `（第 ${line} 行）`,
    atPosition: (line: number, column: number) => `（第 ${line} 行第 ${column} 列）`,
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
    linkNoSection: (section: string) => `这个笔记本已经没有“${section}”这一节了，所以从开头打开。`,
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

  shareDialog: {
    button: '分享链接',
    buttonWhy: '指向这一节的链接，带上你调过的输入（愿意的话，还有你改过的代码）',
    title: '分享你眼前看到的内容',
    opensAt: (section: string | null) => `打开时${section ? `定位到“${section}”一节` : '从笔记本开头开始'}。`,
    setsInputs: (names: string[]) => `把输入 ${quoteAll(names)} 设成你现在的值。`,
    noInputs: '所有输入都保持默认值（你还没有调过任何一个）。',
    includeEdits: (cells: string[]) =>
      `附上我对单元格 ${quoteAll(cells)} 的修改。打开链接的人能看到这些代码，但要等他们按下“运行”才会执行。`,
    link: '链接',
    copy: '复制',
    copied: '已复制。',
    copyByHand: '按 Ctrl+C（⌘C）复制已选中的链接。',
    close: '关闭'
  },

  openFile: {
    button: '打开文件…',
    buttonWhy: '显示一个笔记本文件里的代码（只有你同意时才运行）',
    refused: (file: string, why: string) => `文件“${file}”：${why}`
  },

  theme: {
    label: '配色主题',
    system: '跟随系统',
    light: '浅色',
    dark: '深色',
    contrast: '高对比度（深色）',
    contrastLight: '高对比度（浅色）'
  },

  contents: {
    label: '目录',
    title: '目录',
    solved: (solved: number, total: number) => `练习已完成 ${solved} / ${total}`,
    seen: '（已读）'
  },

  offline: {
    ready: '✓ 已保存供离线使用：没有网络时这些笔记本也能打开。'
  },

  slides: {
    previous: '上一张',
    next: '下一张',
    counter: (current: number, count: number) => `第 ${current} / ${count} 张`,
    slideLabel: (n: number) => `第 ${n} 张幻灯片`,
    scaled: (percent: number) => `已缩小以适应屏幕（${percent}%）`,
    scaledWhy: '这张幻灯片比屏幕高',
    laser: '激光笔 (L)',
    laserWhy: '把指针变成醒目的光点 (L)；Alt+点击或按 Z 放大 2 倍',
    presenter: '演讲者视图',
    presenterWhy: '在另一个窗口里显示备注、下一张和计时器 (P)',
    exit: '退出 (Esc)',
    timerLabel: '演讲者视图打开以来的时间',
    previousButton: '← 上一张',
    nextButton: '下一张 →',
    notes: '备注',
    notesLabel: '这张幻灯片的备注',
    noNotes: '这张幻灯片没有备注。',
    nextHeading: '下一张',
    end: '演示到此结束。',
    cellRef: (id: string) => `[单元格 ${id}]`
  },

  hall: {
    overview: '总览 (O)',
    overviewWhy: '一次看到所有幻灯片，点一张就跳过去 (O)',
    overviewLabel: '全部幻灯片',
    overviewHint: '点击一张幻灯片或按 Enter 打开；方向键选择；Esc 或 O 关闭。',
    goTo: (typed: string) => `跳到第 ${typed} 张`,
    goToHint: '按 Enter 跳转，按 Esc 取消',
    blanked: '屏幕已黑屏——按任意键回到幻灯片',
    keysButton: '快捷键 (?)',
    keysTitle: '演示时的快捷键',
    keysClose: '按任意键关闭这个列表。',
    keys: {
      next: '下一张（翻页笔发送的就是这些键）',
      previous: '上一张',
      ends: '第一张和最后一张',
      number: '跳到第 3 张（输入页码）',
      overview: '所有幻灯片的总览',
      blank: '黑屏；按任意键恢复',
      fullscreen: '全屏',
      presenter: '演讲者视图：备注、下一张、计时器',
      laser: '激光笔',
      zoom: '放大 2 倍，再按一次还原',
      help: '这个列表',
      leave: '退出演示（先退出正在编辑的代码）'
    },
    space: '空格',
    altClick: 'Alt+点击',
    print: '打印幻灯片',
    printWhy: '每页一张幻灯片，带着单元格当前显示的输出；在打印对话框里可以另存为 PDF',
    presentOriginal: '演示原始版本',
    presentOriginalWhy: '用笔记本自带的代码来演示；你在这台电脑上保存的修改原样保留，之后还在',
    original: '原始代码',
    originalWhy: '正在显示笔记本的原始版本；你保存的修改都还在，正常重新加载就会回来',
    backToMine: '回到我的版本',
    previewWaiting: '演示窗口显示出这张幻灯片的输出后，这里就会出现预览。',
    previewLabel: (n: number) => `第 ${n} 张幻灯片，观众将看到的样子`
  },

  slideCheck: {
    label: '幻灯片检查',
    button: (size: string) => `按 ${size} 检查幻灯片`,
    checking: (size: string) => `正在检查幻灯片……（以 ${size} 运行这个笔记本）`,
    failed: (reason: string) => `幻灯片检查失败：${reason}。`,
    noAnswer: (seconds: number) => `${seconds} 秒内没有回应`,
    allFit: (count: number, size: string) => `在 ${size} 下，全部 ${count} 张幻灯片都放得下。`,
    overflow: (size: string) => `在 ${size} 下放不下的幻灯片：`,
    shownAt: (percent: string) => `（缩小到 ${percent}%）`,
    frameTitle: (size: string) => `正在检查的笔记本（${size}）`
  },

  exercise: {
    label: '练习',
    right: '对了。',
    notYet: '还不对。',
    hint: '提示：',
    showSolution: '看一种解法'
  },

  /** the PyTorch view (pytorchView) and the lecture's code shown beside a cell (lectureCode) */
  pytorch: {
    caption: (p: { name: string }) => `${p.name} 的 PyTorch 代码（课程的写法）`,
    copy: '复制',
    copied: '已复制',
    copyFailed: '复制失败：请选中代码手动复制',
    downloadPy: '下载 .py',
    downloadFor: '下载到 PyTorch：',
    downloadWeights: '权重（.safetensors）',
    loadHint: (p: { file: string }) => `在 Python 中：net = load_weights(build(), "${p.file}")`,
    problems: (p: { count: number }) =>
      `有 ${p.count} 个层在这里无法转换为 PyTorch；代码在它们的位置写明了是哪一层以及原因：`,
    cannot: (p: { error: string }) => `无法把这个模型写成 PyTorch 代码：${p.error}`,
    showLecture: '课程的 PyTorch 代码',
    hideLecture: '隐藏 PyTorch 代码',
    lectureCaption: (p: { name: string }) =>
      `课程中的 ${p.name}（scripts/pytorch/lecture_nets.py）。指向一个名字，两边会同时高亮。`
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
    // 录制的运行都出自 scripts/pretrain.ts，它记下的后端说明是英文的
    recordedOn: (p: { backend: string; seconds: number }) =>
      `录制的运行（${recordedBackends[p.backend] ?? p.backend}，${p.seconds} 秒）`,
    pause: '暂停',
    resume: '继续',
    stop: '停止',
    timed: '本机实测：',
    figure: (p: { backend: string; speed: number }) =>
      `${p.backend} 每秒 ${count(Math.round(Number(p.speed)))} 个`,
    failedOn: (p: { backend: string }) => `${p.backend} 无法训练`,
    skippedSoftware: (p: { backend: string }) => `未测 ${p.backend}（软件模拟的 GPU，比 wasm 慢）`,
    trainOn: '训练用',
    fromNextRun: '（下次训练起生效）'
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
    testMarks: '测试准确率（在留出的数字上测得）',
    noData: '还没有训练数据',
    readout: (p: { run: string; loss?: number; accuracy?: number; test?: number }) =>
      `${p.run}：损失 ${p.loss?.toFixed(3)}` +
      (Number.isFinite(p.accuracy) ? `，准确率 ${(p.accuracy! * 100).toFixed(1)}%` : '') +
      (Number.isFinite(p.test) ? `，测试准确率 ${(p.test! * 100).toFixed(1)}%` : ''),
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
    torchKeyMissing: (p: { key: string }) =>
      `这份 PyTorch 权重里没有张量“${p.key}”，而这个模型对应的 PyTorch 模块需要它。`,
    torchShapeDiffers: (p: { key: string; expected: string; got: string }) =>
      `PyTorch 张量“${p.key}”的形状是 ${p.got}，但这个模型需要 ${p.expected}。`,
    notLayersModel: (p: { got: string }) =>
      `这里需要一个 tf.LayersModel（tf.model、tf.sequential 或 buildModel 建出的模型），传入的却是 ${p.got}` +
      (p.got === 'GraphModel' ? '（tf.GraphModel 没有可供分析的层）' : ''),
    noInputShape: (p: { model: string }) => `模型 ${p.model} 还不知道输入形状：请给它的第一层指定 inputShape`,
    nothingToDraw: (p: { model: string }) => `模型 ${p.model} 没有可以画的层`,
    tooManyToDraw: (p: { model: string; layers: number }) =>
      `模型 ${p.model} 有 ${p.layers} 层，多得画不下；请折叠它的块，或改用 layerTable()`,
    fileNotNotebook: (p: { line: number | null; why: string }) =>
      `这个文件不是能读取的笔记本${p.line ? `（第 ${p.line} 行）` : ''}：${p.why}`,
    fileNotThisNotebook: (p: { title: string }) =>
      `文件“${p.title}”里没有这个笔记本的任何单元格，所以它不是这个笔记本的版本。`,
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
      `\`${p.name}\` 是笔记本提供给每个单元格的名字（${reservedWhy[p.name] ?? '引擎要用'}），单元格不能声明它。请换一个名字。`,
    syntaxUnexpectedToken: () => '这里不该出现这个符号',
    syntaxUnexpectedCharacter: (p: { char: string }) => `无法识别的字符“${p.char}”`,
    syntaxUnterminatedString: () => '字符串没有结束，缺少配对的引号',
    syntaxUnterminatedTemplate: () => '模板字符串没有结束，缺少配对的反引号 `',
    syntaxUnterminatedComment: () => '注释没有结束，缺少 */',
    syntaxUnterminatedRegExp: () => '正则表达式没有结束，缺少结尾的 /',
    syntaxRedeclared: (p: { name: string }) => `标识符 \`${p.name}\` 已经声明过了`,
    syntaxMissingInitializer: (p: { kind: string }) => `${p.kind} 声明缺少初始值（= …）`,
    syntaxAssignToRvalue: () => '赋值号左边必须是变量或属性',
    syntaxUnexpectedKeyword: (p: { name: string }) => `这里不该出现关键字 \`${p.name}\``,
    syntaxReservedWord: (p: { name: string }) => `\`${p.name}\` 是保留字，不能用作名字`,
    syntaxInvalidNumber: () => '无效的数字',
    syntaxIdentifierAfterNumber: () => '数字后面直接跟着标识符，中间缺少空格或运算符',
    syntaxOther: (p: { message: string }) => `JavaScript 解析器报告：${p.message}`,
    topLevelReturn: () => '单元格的顶层不能使用 `return`。',
    yieldWithNames: (p: { names: string[] }) =>
      `使用了 \`yield\` 的单元格不能同时声明名字（${p.names.join('、')}）。` +
      '把这些声明移到单独的单元格里，或者用 { } 包起来，让它们只在本单元格内有效。',
    importRefused: (p: { source: string | null }) =>
      `单元格里不能使用 \`${p.source == null ? 'export' : `import from "${p.source}"`}\`。` +
      '这些名字可以直接使用：d3、tf、html、svg、md、tex、text、Generators、Inputs、width、now，以及课程工具箱。' +
      '单元格之间通过声明来共享值（const x = …）。',
    nameTaken: (p: { name: string; cell: string }) =>
      `\`${p.name}\` 已经在单元格“${p.cell}”中定义过了。一个名字只能在一个单元格里定义：` +
      '请在这里换个名字，或者用 { … } 把这个单元格包起来，让其中的名字只在本单元格内有效。',
    circular: (p: { cycle: string[] }) =>
      `循环定义：${p.cycle.join(' → ')}。单元格不能依赖（哪怕是间接依赖）自己的结果。`,
    runtimeNotDefined: (p: { name: string }) => `${p.name} 没有定义`,
    runtimeDefinedTwice: (p: { name: string }) => `${p.name} 被定义了不止一次`,
    runtimeCircular: () => '循环定义：这个单元格（间接地）依赖了它自己的结果',
    runtimeUnresolved: (p: { name: string }) => `无法求出 ${p.name} 的值`,
    convChannels: (p: { layer: string; expected: number; got: number; formula?: string; from: Source }) =>
      `${p.layer} 需要 ${p.expected} 个输入通道，但收到的是 ${p.got} 个${formula(p.formula)}，来自${source(p.from)}`.trimEnd(),
    batchNormChannels: (p: {
      layer: string;
      expected: number;
      got: number;
      formula?: string;
      from: Source;
    }) =>
      `${p.layer} 需要 ${p.expected} 个通道，但收到的是 ${p.got} 个${formula(p.formula)}，来自${source(p.from)}`.trimEnd(),
    linearFeatures: (p: { layer: string; expected: number; got: number; formula?: string; from: Source }) =>
      `${p.layer} 需要 ${p.expected} 个输入特征，但收到的是 ${p.got} 个${formula(p.formula)}，来自${source(p.from)}`.trimEnd(),
    linearNotFlat: (p: { layer: string; expected: number; shape: string; from: Source }) =>
      `${p.layer} 需要一个含 ${p.expected} 个特征的扁平向量，但收到的是来自${source(p.from)}的 ${p.shape} 张量：` +
      '请先展平（PyTorch 里的 x.view(in_size, -1)）',
    catEmpty: () => 'cat 至少需要一个张量',
    catSizes: (p: { layer: string; sizes: string[] }) =>
      `${p.layer} 要求每个输入的高×宽（H×W）都相同，但收到的是 ${p.sizes.join('、')}`,
    addShapes: (p: { layer: string; a: string; b: string; fromA: Source; fromB: Source }) =>
      `${p.layer} 无法把 ${p.a}（来自${source(p.fromA).trimEnd()}）与 ${p.b}（来自${source(p.fromB).trimEnd()}）相加：` +
      '残差连接要求两者的形状完全相同',
    notImage: (p: { layer: string; shape: string; from: Source }) =>
      `${p.layer} 需要一个图像张量（C×H×W），但收到的是来自${source(p.from)}的 ${p.shape}`,
    windowTooBig: (p: {
      layer: string;
      kernel: number;
      padding: number;
      needed: number;
      size: string;
      from: Source;
    }) =>
      `${p.layer}（卷积核 ${p.kernel}×${p.kernel}，填充 ${p.padding}）的输入至少要 ${p.needed}×${p.needed}，` +
      `但收到的是来自${source(p.from)}的 ${p.size}`,
    inputShape: (p: { shape: string }) => `input 的形状必须是 [C, H, W] 或 [特征数]，但给的是 [${p.shape}]`,
    poolPadding: (p: { layer: string; padding: number; kernel: number }) =>
      `${p.layer} 的填充最多只能是池化窗口大小的一半，但窗口为 ${p.kernel} 时给了填充 ${p.padding}`,
    maxPoolPadding: (p: { padding: number; kernel: number; stride: number }) =>
      `这里不支持窗口 ${p.kernel}、步幅 ${p.stride} 的 MaxPool2d 使用填充 ${p.padding}；` +
      '请用填充 0，或者步幅 1 配合填充 (k−1)/2',
    adaptivePoolSize: () => 'AdaptiveAvgPool2d 只支持输出大小 1（全局平均汇聚）',
    sizeNotNumber: (p: { field: string; value: string }) => `${p.field} 必须是数字，但给的是 ${p.value}`,
    sizeNotWhole: (p: { field: string; value: string }) => `${p.field} 必须是整数，但给的是 ${p.value}`,
    sizeNegative: (p: { field: string; value: string }) => `${p.field} 不能是负数，但给的是 ${p.value}`,
    sizeZero: (p: { field: string }) => `${p.field} 至少要是 1，但给的是 0`,
    lrNotNumber: (p: { value: string }) => `学习率 learningRate 必须是数字，但给的是 ${p.value}。`,
    lrNotPositive: (p: { value: number }) => `学习率 learningRate 必须大于 0，但给的是 ${p.value}。`,
    lrTooLarge: (p: { value: number; max: number }) =>
      `学习率 learningRate 为 ${p.value} 太大了（最多 ${p.max}），损失会发散。试试 0.01。`,
    batchNotWhole: (p: { value: string }) =>
      `批量大小 batchSize 必须是不小于 1 的整数，但给的是 ${p.value}。`,
    batchTooLarge: (p: { value: number; count: number }) =>
      `批量大小 batchSize 为 ${p.value}，比训练样本总数 ${p.count} 还大。`,
    epochsNotWhole: (p: { value: string }) => `轮数 epochs 必须是不小于 1 的整数，但给的是 ${p.value}。`,
    optimizerUnknown: (p: { value: string }) =>
      `优化器 optimizer 只能是 'sgd' 或 'adam'，但给的是 ${p.value}。`,
    momentumRange: (p: { value: string }) => `动量 momentum 必须在 [0, 1) 之间，但给的是 ${p.value}。`,
    seedNotFinite: (p: { value: string }) => `随机种子 seed 必须是有限的数字，但给的是 ${p.value}。`,
    milestonesNotSteps: (p: { value: string }) =>
      `schedule.milestones 必须是一列大于等于 1 的整数步数，但给的是 ${p.value}。`,
    milestonesNotIncreasing: (p: { value: string }) =>
      `schedule.milestones 必须逐个增大，但给的是 ${p.value}。`,
    gammaRange: (p: { value: string }) => `schedule.gamma 必须在 (0, 1] 之间，但给的是 ${p.value}。`,
    noExamples: () => '没有训练样本。',
    outputShape: (p: { shape: string }) =>
      `模型输出的形状必须是 [batch, 10]（每个数字类别一个分数），但现在是 [${p.shape}]。`,
    layerUnknown: (p: { className: string; layer?: string }) =>
      `训练 worker 无法重建层类 ${p.className}${p.layer ? `（“${p.layer}”）` : ''}；` +
      '请在 worker 里用 tf.serialization.registerClass 注册它，或者改用内置的层。',
    cannotTrain: (p: { problems: (string | { key: string; params: unknown })[] }): string =>
      `无法训练：${p.problems.map((problem) => wordIn(zh.errors, problem)).join('')}`,
    lossDiverged: (p: { loss: number; step: number; learningRate: number }) =>
      `第 ${p.step} 步时损失变成了 ${p.loss}（学习率 ${p.learningRate}）：训练发散，已停止。` +
      `试试更小的学习率，比如 ${p.learningRate / 10}。`,
    trainerBusy: () => '这个 worker 里已经有一个训练在运行，请先停止它。',
    workerFailed: () => '训练 worker 没能启动。',
    titleSyntax: () => '语法错误',
    titleShape: () => '形状错误',
    titleLoop: () => '循环超时',
    trailingSemicolon: () => '这个单元格什么也没显示，因为它以“;”结尾。去掉“;”就能显示它的值。',
    plainDepth: (p: { depth: number }) =>
      `plainStack 的深度把开头的卷积层和最后的全连接层也算在内，所以至少是 2，但给的是 ${p.depth}`,
    residualDepth: (p: { depth: number }) =>
      `residualStack 的深度必须是 2 加上一个偶数层（8、20、32、56……），但给的是 ${p.depth}`
  }
} satisfies Messages;
