/**
 * The lecture toolkit in one import: PyTorch-flavoured builders, the lecture's blocks and nets, cost maths,
 * graph analysis, the torchinfo-style table and the shape-flow layout.
 */
export {
  add,
  BatchNorm2d,
  buildModel,
  cat,
  Conv2d,
  flatten,
  input,
  Linear,
  relu,
  Sequential,
  ShapeError,
  torchRepr,
  type ConvOptions,
  type Module,
  type NameOptions
} from './layers';
export { AdaptiveAvgPool2d, AvgPool2d, avgPool2d, MaxPool2d, type PoolOptions } from './pooling';
export {
  ConvBnRelu,
  InceptionA,
  inceptionChannels,
  lectureWidths,
  ResidualBlock,
  ResidualPair,
  type InceptionWidths
} from './blocks';
export { inceptionNet, plainStack, residualNet, residualStack, simpleCnn, type NetOptions } from './nets';
export * from './cost';
export { analyseModel, assertLayersModel, kindOf, toTorchShape } from './graph';
export type {
  AnalyseOptions,
  GraphBlock,
  GraphEdge,
  GraphNode,
  GraphTotals,
  ModelGraph,
  NodeKind
} from './graph';
export { formatLayerTable, layerTable, type LayerRow, type LayerTable } from './table';
export { collapseBlocks, type CollapseSpec } from './collapse';
export { boxSize, layoutGraph } from './layout';
export type { LayoutBlock, LayoutEdge, LayoutNode, LayoutOptions, ShapeFlowLayout } from './layout';
export { layoutToSvg } from './svg';
export { gradientNorms, type GradientBatch, type LayerGradient } from './gradients';
