"""PyTorch's training speed for the nets our bench times, on this CPU: the anchor for `npm run bench`.

One JSON object per line (contract 5, "where": "pytorch"), for every net, batch size and thread count asked for:
SGD(lr=0.01, momentum=0.5) on CrossEntropyLoss, as the lecture trains, on random 1×28×28 images (speed does not
depend on the pixels). A couple of untimed steps first, then about `--samples` timed examples.

    /usr/bin/python3 scripts/pytorch/bench_speed.py [--nets inception,residual,plainStack-8,...]
        [--batches 16,64,256] [--threads 1,2] [--samples 1024]

The depth-N stacks ("plainStack-20", "residualStack-56") need the `Stack` class of lecture_nets.py; without it
they are reported as skipped.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lecture_nets  # noqa: E402


def build(name):
    if name in lecture_nets.NETS:
        return lecture_nets.NETS[name]()
    kind, _, depth = name.partition("-")
    stack = getattr(lecture_nets, "Stack", None)
    if kind not in ("plainStack", "residualStack") or stack is None:
        return None
    return stack(int(depth), residual=kind == "residualStack")


def samples_per_sec(net, batch, samples, warmup=2):
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.5)
    x = torch.randn(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))
    steps = max(3, -(-samples // batch))

    def step():
        optimizer.zero_grad()
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        optimizer.step()

    for _ in range(warmup):
        step()
    began = time.perf_counter()
    for _ in range(steps):
        step()
    return batch * steps / (time.perf_counter() - began), steps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nets", default="inception,residual")
    parser.add_argument("--batches", default="64")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--samples", type=int, default=1024)
    args = parser.parse_args()
    torch.manual_seed(1)
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        for name in args.nets.split(","):
            for batch in [int(b) for b in args.batches.split(",")]:
                record = {"net": name, "backend": "pytorch-cpu", "where": "pytorch", "batch": batch,
                          "threads": threads, "torch": torch.__version__}
                net = build(name)
                if net is None:
                    print(json.dumps({**record, "samplesPerSec": None,
                                      "skipped": "lecture_nets.py has no Stack class"}), flush=True)
                    continue
                net.train()
                speed, steps = samples_per_sec(net, batch, args.samples)
                print(json.dumps({**record, "samplesPerSec": round(speed, 1), "steps": steps}), flush=True)


if __name__ == "__main__":
    main()
