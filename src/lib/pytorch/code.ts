/**
 * Writes a planned model (plan.ts) as a Python module a reader of the lecture can run: imports, one nn.Module
 * class per block kind and one for the net, `build()`, `load_weights(net, path)` reading the .safetensors file
 * from pytorchWeights() with PyTorch alone, and under `if __name__ == "__main__":` the lecture's train/test loop.
 */
import type * as tf from '@tensorflow/tfjs';
import { planModel, type TorchClass, type TorchPlan } from './plan';

const indent = (n: number, lines: string[]) => lines.map((l) => (l ? ' '.repeat(n) + l : l));

/** One class as Python lines. */
export function classLines(cls: TorchClass): string[] {
  const init = [
    `def __init__(self${cls.param ? `, ${cls.param}` : ''}):`,
    ...indent(4, [
      `super(${cls.name}, self).__init__()`,
      ...(cls.param === 'channels' ? ['self.channels = channels'] : []),
      ...cls.modules.map((m) => `self.${m.attr} = ${m.ctor}`)
    ])
  ];
  const forward = ['def forward(self, x):', ...indent(4, cls.forward)];
  return [
    ...(cls.comment ? [`# ${cls.comment}`] : []),
    `class ${cls.name}(nn.Module):`,
    ...indent(4, [...init, '', ...forward])
  ];
}

const loader = `def load_weights(net, path):
    """Loads a .safetensors file (as the notebook's "Download for PyTorch" writes it) into net, with torch alone."""
    with open(path, "rb") as f:
        data = f.read()
    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + size])
    dtypes = {"F32": torch.float32, "I64": torch.int64}
    state = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = bytearray(data[8 + size + begin : 8 + size + end])
        state[name] = torch.frombuffer(raw, dtype=dtypes[info["dtype"]]).reshape(info["shape"])
    net.load_state_dict(state)
    return net`;

const trainLoop = `def train(net, loader, optimizer, epoch):
    criterion = torch.nn.CrossEntropyLoss()
    running_loss = 0.0
    for batch_idx, (inputs, target) in enumerate(loader, 0):
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, target)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if batch_idx % 300 == 299:
            print("[%d, %5d] loss: %.3f" % (epoch + 1, batch_idx + 1, running_loss / 300))
            running_loss = 0.0


def test(net, loader):
    correct = 0
    total = 0
    with torch.no_grad():
        for images, labels in loader:
            outputs = net(images)
            _, predicted = torch.max(outputs.data, dim=1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
    print("Accuracy on test set: %d %%" % (100 * correct / total))


if __name__ == "__main__":
    # python this_file.py [weights.safetensors]: the lecture's training, from the notebook's weights if given.
    import sys

    net = build()
    if len(sys.argv) > 1:
        load_weights(net, sys.argv[1])
    try:
        from torchvision import datasets, transforms
    except ImportError:
        sys.exit("Training reads MNIST with torchvision (pip install torchvision); build() and load_weights() need torch only.")
    from torch.utils.data import DataLoader

    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    train_dataset = datasets.MNIST(root="../dataset/mnist/", train=True, download=True, transform=transform)
    test_dataset = datasets.MNIST(root="../dataset/mnist/", train=False, download=True, transform=transform)
    train_loader = DataLoader(train_dataset, shuffle=True, batch_size=64)
    test_loader = DataLoader(test_dataset, shuffle=False, batch_size=64)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.5)
    for epoch in range(10):
        train(net, train_loader, optimizer, epoch)
        test(net, test_loader)`;

const smokeRun = (shape: number[]) => `if __name__ == "__main__":
    # This model does not take MNIST digits, so instead of the lecture's training: one forward pass.
    net = build()
    print(net(torch.zeros(2, ${shape.join(', ')})).shape)`;

/** The Python source of a planned model. */
export function writePython(plan: TorchPlan): string {
  const mnist = plan.inputShape.join() === '1,28,28';
  const problems = plan.problems.map((p) => `#   ${p.layer}: ${p.reason}`);
  const parts = [
    [
      `"""${plan.net.name} in PyTorch, written by the notebook's pytorchCode() from the model built in the page.`,
      '',
      'build() makes the model; load_weights(build(), "model.safetensors") gives it the weights downloaded beside',
      'this file. Needs torch only; the training at the end reads MNIST with torchvision when it is installed.',
      '"""'
    ],
    ...(problems.length
      ? [['# Layers this file cannot write in PyTorch (see the raise lines in forward):', ...problems]]
      : []),
    ['import json', '', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F'],
    ...plan.classes.map(classLines),
    classLines(plan.net),
    [
      'def build():',
      '    """The model, with PyTorch\'s initial weights (load_weights gives it the trained ones)."""',
      `    return ${plan.net.name}()`
    ],
    [loader],
    [mnist ? trainLoop : smokeRun(plan.inputShape)]
  ];
  return parts.map((p) => p.join('\n')).join('\n\n\n') + '\n';
}

/** The Python source of a module equivalent to `model`: nn.Module classes, build(), load_weights(), training. */
export function pytorchCode(model: tf.LayersModel): string {
  return writePython(planModel(model));
}
