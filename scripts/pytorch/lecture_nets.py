"""The lecture's networks in PyTorch, as a reader of the lecture would type them.

The classes are the lecture's own (InceptionA, ResidualBlock and their two `Net`s, here named
InceptionNet and ResidualNet so that one module can hold both), indented and with their imports,
plus the previous lecture's simple CNN written the same way. The parity checks, the PyTorch training
runs and the speed benchmark all import this one module, so every number we compare against PyTorch
comes from the same code.

Needs PyTorch only (Debian: apt-get install python3-torch).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SimpleCNN(nn.Module):
    """The previous lecture's CNN: conv 1→10 k5, pool, relu, conv 10→20 k5, pool, relu, fc 320→10."""

    def __init__(self):
        super(SimpleCNN, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.pooling = nn.MaxPool2d(2)
        self.fc = nn.Linear(320, 10)

    def forward(self, x):
        batch_size = x.size(0)
        x = F.relu(self.pooling(self.conv1(x)))
        x = F.relu(self.pooling(self.conv2(x)))
        x = x.view(batch_size, -1)
        x = self.fc(x)
        return x


class InceptionA(nn.Module):
    def __init__(self, in_channels):
        super(InceptionA, self).__init__()
        self.branch1x1 = nn.Conv2d(in_channels, 16, kernel_size=1)

        self.branch5x5_1 = nn.Conv2d(in_channels, 16, kernel_size=1)
        self.branch5x5_2 = nn.Conv2d(16, 24, kernel_size=5, padding=2)

        self.branch3x3_1 = nn.Conv2d(in_channels, 16, kernel_size=1)
        self.branch3x3_2 = nn.Conv2d(16, 24, kernel_size=3, padding=1)
        self.branch3x3_3 = nn.Conv2d(24, 24, kernel_size=3, padding=1)

        self.branch_pool = nn.Conv2d(in_channels, 24, kernel_size=1)

    def forward(self, x):
        branch1x1 = self.branch1x1(x)

        branch5x5 = self.branch5x5_1(x)
        branch5x5 = self.branch5x5_2(branch5x5)

        branch3x3 = self.branch3x3_1(x)
        branch3x3 = self.branch3x3_2(branch3x3)
        branch3x3 = self.branch3x3_3(branch3x3)

        branch_pool = F.avg_pool2d(x, kernel_size=3, stride=1, padding=1)
        branch_pool = self.branch_pool(branch_pool)

        outputs = [branch1x1, branch5x5, branch3x3, branch_pool]
        return torch.cat(outputs, dim=1)


class InceptionNet(nn.Module):
    """The lecture's first `Net`: 1×28×28 → … → 88×4×4 → flatten 1408 → fc → 10."""

    def __init__(self):
        super(InceptionNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(88, 20, kernel_size=5)

        self.incep1 = InceptionA(in_channels=10)
        self.incep2 = InceptionA(in_channels=20)

        self.mp = nn.MaxPool2d(2)
        self.fc = nn.Linear(1408, 10)

    def forward(self, x):
        in_size = x.size(0)
        x = F.relu(self.mp(self.conv1(x)))
        x = self.incep1(x)
        x = F.relu(self.mp(self.conv2(x)))
        x = self.incep2(x)
        x = x.view(in_size, -1)
        x = self.fc(x)
        return x


class ResidualBlock(nn.Module):
    def __init__(self, channels):
        super(ResidualBlock, self).__init__()
        self.channels = channels
        self.conv1 = nn.Conv2d(channels, channels, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(channels, channels, kernel_size=3, padding=1)

    def forward(self, x):
        y = F.relu(self.conv1(x))
        y = self.conv2(y)
        return F.relu(x + y)


class ResidualNet(nn.Module):
    """The lecture's second `Net`: conv 1→16 k5, pool, ResidualBlock(16), conv 16→32 k5, pool,
    ResidualBlock(32), fc 512→10."""

    def __init__(self):
        super(ResidualNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 16, kernel_size=5)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=5)
        self.mp = nn.MaxPool2d(2)

        self.rblock1 = ResidualBlock(16)
        self.rblock2 = ResidualBlock(32)

        self.fc = nn.Linear(512, 10)

    def forward(self, x):
        in_size = x.size(0)
        x = self.mp(F.relu(self.conv1(x)))
        x = self.rblock1(x)
        x = self.mp(F.relu(self.conv2(x)))
        x = self.rblock2(x)
        x = x.view(in_size, -1)
        x = self.fc(x)
        return x


class ConvBnRelu(nn.Module):
    """One layer of lesson 03's plain stack: conv 3×3 (no bias: BatchNorm's shift replaces it), BatchNorm, relu."""

    def __init__(self, channels):
        super(ConvBnRelu, self).__init__()
        self.conv = nn.Conv2d(channels, channels, kernel_size=3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(channels)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class ResidualPair(nn.Module):
    """Two such layers with the identity added before the second relu (He et al. 2016's CIFAR block)."""

    def __init__(self, channels):
        super(ResidualPair, self).__init__()
        self.conv1 = nn.Conv2d(channels, channels, kernel_size=3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, kernel_size=3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(x + y)


class Stack(nn.Module):
    """Lesson 03's "deeper is not better" stacks (this project's, not the lecture's), as plainStack(depth) and
    residualStack(depth) build them: conv 3×3 stride 2 1→16 + BN + relu, depth − 2 inner layers, global
    average pool, fc 16→10. `depth` counts weighted layers, as He et al. do."""

    def __init__(self, depth, residual):
        super(Stack, self).__init__()
        self.conv1 = nn.Conv2d(1, 16, kernel_size=3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        inner = [ResidualPair(16) for _ in range((depth - 2) // 2)] if residual else [ConvBnRelu(16) for _ in range(depth - 2)]
        self.body = nn.Sequential(*inner)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.body(x)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


#: The nets by the names the project uses for them (the JavaScript builders simpleCnn, inceptionNet, residualNet).
NETS = {"simple": SimpleCNN, "inception": InceptionNet, "residual": ResidualNet}


if __name__ == "__main__":
    # A quick look: each net's output shape and parameter count.
    for name, Net in NETS.items():
        net = Net()
        logits = net(torch.zeros(2, 1, 28, 28))
        params = sum(p.numel() for p in net.parameters())
        print(f"{name}: output {tuple(logits.shape)}, {params:,} parameters")
