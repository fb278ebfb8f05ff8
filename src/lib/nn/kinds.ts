/** Classifies tfjs layer classes into the kinds a diagram draws differently. */

/** What a layer does, for drawing and grouping. */
export type NodeKind =
  | 'input'
  | 'conv'
  | 'pool'
  | 'concat'
  | 'add'
  | 'merge'
  | 'dense'
  | 'flatten'
  | 'activation'
  | 'batchnorm'
  | 'pad'
  | 'dropout'
  | 'reshape'
  | 'model'
  | 'block'
  | 'other';

const kinds: [RegExp, NodeKind][] = [
  [/^InputLayer$/, 'input'],
  [/Conv/, 'conv'],
  [/Pooling/, 'pool'],
  [/^Concatenate$/, 'concat'],
  [/^Add$/, 'add'],
  [/^(Multiply|Average|Maximum|Minimum|Subtract|Dot)$/, 'merge'],
  [/^Dense$/, 'dense'],
  [/^Flatten$/, 'flatten'],
  [/^(Activation|ReLU|LeakyReLU|PReLU|ELU|Softmax|ThresholdedReLU)$/, 'activation'],
  [/Normalization$/, 'batchnorm'],
  [/^ZeroPadding/, 'pad'],
  [/Dropout/, 'dropout'],
  [/^(Reshape|Permute|RepeatVector)$/, 'reshape'],
  [/^(Functional|Model|Sequential)$/, 'model']
];

/** The kind of a tfjs layer class. */
export function kindOf(className: string): NodeKind {
  return kinds.find(([re]) => re.test(className))?.[1] ?? 'other';
}
