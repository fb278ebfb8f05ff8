/**
 * The terms the lessons use, in English and in Chinese. The Chinese follows the lecture (卷积, and
 * "Inception Module" kept in English) and otherwise the Chinese edition of Dive into Deep Learning
 * (d2l-zh), with its alternatives where readers meet both.
 */

/** One term. */
export interface Term {
  /** the English term */
  en: string;
  /** the Chinese term; alternatives after "/" */
  zh: string;
  /** where in the lessons it matters (the notebook's number) */
  lesson: number;
}

export const glossary: Term[] = [
  { en: 'convolution, convolutional layer', zh: '卷积，卷积层', lesson: 1 },
  { en: 'kernel', zh: '卷积核', lesson: 1 },
  { en: 'channel', zh: '通道', lesson: 1 },
  { en: 'feature map', zh: '特征图 / 特征映射', lesson: 1 },
  { en: 'padding', zh: '填充', lesson: 1 },
  { en: 'stride', zh: '步幅', lesson: 1 },
  { en: '1×1 convolution', zh: '1×1 卷积', lesson: 1 },
  { en: 'cost (multiplications)', zh: '计算量（乘法次数）', lesson: 1 },
  { en: 'parameters, weights, bias', zh: '参数量，权重，偏置', lesson: 1 },
  { en: 'bottleneck', zh: '瓶颈（层）', lesson: 1 },
  { en: 'pooling, max pooling, average pooling', zh: '池化 / 汇聚，最大池化，平均池化', lesson: 2 },
  { en: 'Inception module', zh: 'Inception 模块（Inception Module）', lesson: 2 },
  { en: 'branch', zh: '分支', lesson: 2 },
  { en: 'concatenate (torch.cat)', zh: '拼接 / 连结', lesson: 2 },
  { en: 'fully connected layer', zh: '全连接层', lesson: 2 },
  { en: 'flatten', zh: '展平', lesson: 2 },
  { en: 'tensor, shape', zh: '张量，形状', lesson: 2 },
  { en: 'training set, test set', zh: '训练集，测试集', lesson: 2 },
  { en: 'epoch', zh: '轮 / 迭代周期（epoch）', lesson: 2 },
  { en: 'batch, mini-batch, batch size', zh: '批量，小批量，批量大小', lesson: 2 },
  { en: 'learning rate', zh: '学习率', lesson: 2 },
  { en: 'momentum', zh: '动量', lesson: 2 },
  { en: 'loss, cross-entropy', zh: '损失，交叉熵', lesson: 2 },
  { en: 'accuracy', zh: '准确率', lesson: 2 },
  { en: 'confusion matrix', zh: '混淆矩阵', lesson: 2 },
  { en: 'depth, layer', zh: '深度，层', lesson: 3 },
  { en: 'degradation', zh: '退化', lesson: 3 },
  { en: 'overfitting', zh: '过拟合', lesson: 3 },
  { en: 'vanishing gradient', zh: '梯度消失', lesson: 3 },
  { en: 'gradient, backpropagation', zh: '梯度，反向传播', lesson: 3 },
  { en: 'batch normalization', zh: '批量规范化（也作批量归一化）', lesson: 3 },
  { en: 'activation function (ReLU)', zh: '激活函数（ReLU）', lesson: 3 },
  { en: 'residual block, residual network', zh: '残差块，残差网络', lesson: 4 },
  { en: 'skip connection', zh: '跳跃连接', lesson: 4 },
  { en: 'identity mapping', zh: '恒等映射', lesson: 4 },
  { en: 'projection shortcut', zh: '投影捷径（1×1 卷积）', lesson: 4 },
  { en: 'cell, notebook', zh: '单元格，笔记本', lesson: 0 },
  { en: 'safe mode', zh: '安全模式', lesson: 0 }
];
