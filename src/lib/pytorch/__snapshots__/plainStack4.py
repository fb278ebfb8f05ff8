"""PlainStack4 in PyTorch, written by the notebook's pytorchCode() from the model built in the page.

build() makes the model; load_weights(build(), "model.safetensors") gives it the weights downloaded beside
this file. Needs torch only; the training at the end reads MNIST with torchvision when it is installed.
"""


import json

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBnRelu(nn.Module):
    def __init__(self, channels):
        super(ConvBnRelu, self).__init__()
        self.channels = channels
        self.conv = nn.Conv2d(channels, channels, kernel_size=3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(channels)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class PlainStack4(nn.Module):
    def __init__(self):
        super(PlainStack4, self).__init__()
        self.conv1 = nn.Conv2d(1, 16, kernel_size=3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.layer2 = ConvBnRelu(16)
        self.layer3 = ConvBnRelu(16)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        in_size = x.size(0)
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer2(x)
        x = self.avgpool(self.layer3(x))
        x = x.view(in_size, -1)
        return self.fc(x)


def build():
    """The model, with PyTorch's initial weights (load_weights gives it the trained ones)."""
    return PlainStack4()


def load_weights(net, path):
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
    return net


def train(net, loader, optimizer, epoch):
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
        test(net, test_loader)
