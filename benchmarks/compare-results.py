#!/usr/bin/env python3
"""Turns the metrics.tsv of run-native-vs-peers.sh (system, metric, round, value) into one markdown table:
median (min-max) over rounds per system, plus TernMQ's ratio to each peer.
Usage: compare-results.py metrics.tsv ROUNDS"""
import collections
import statistics
import sys

SYSTEMS = ['ternmq', 'kafka', 'rocketmq']
HIGHER_IS_BETTER = ('rec_per_s', 'MB_per_s')
ROWS = [
    ('produce_async_rec_per_s', 'produce 1 topic x4, ack after page cache: msg/s', 'TernMQ ASYNC_FLUSH batch 1 / Kafka acks=1 / RocketMQ sync send, ASYNC_FLUSH'),
    ('produce_async_MB_per_s', '  MB/s', ''),
    ('produce_async_lat_ms_p99', '  p99 send latency ms', ''),
    ('produce_async_batch_rec_per_s', 'produce 1 topic x4, TernMQ batch sends: msg/s', 'TernMQ ASYNC_FLUSH, batch sends (BATCH, default 16)'),
    ('produce_async_batch_lat_ms_p99', '  p99 send latency ms', ''),
    ('produce_durable_rec_per_s', 'produce 1 topic x4, ack after fsync: msg/s', 'TernMQ SYNC_FLUSH / Kafka acks=all (replication, no fsync)'),
    ('produce_durable_MB_per_s', '  MB/s', ''),
    ('produce_durable_lat_ms_p99', '  p99 send latency ms', ''),
    ('produce_durable_batch_rec_per_s', 'produce 1 topic x4, SYNC_FLUSH batch sends: msg/s', ''),
    ('consume_recv_rec_per_s', 'consume 1 topic x4 (read back): msg/s', ''),
    ('consume_recv_MB_per_s', '  MB/s', ''),
    ('e2e_e2e_ms_p50', 'produce->consume latency p50 ms', 'one message in flight on every side (TernMQ --one-in-flight)'),
    ('e2e_e2e_ms_p99', '  p99 ms', ''),
    ('e2e_e2e_ms_p999', '  p99.9 ms', ''),
    ('e2e_rate_e2e_ms_p99', 'produce->consume p99 ms at E2E_RATE msg/s', 'TernMQ only: a fixed moderate rate'),
]


def fmt(values):
    med = statistics.median(values)
    f = (lambda x: f"{x:,.0f}") if med >= 1000 else (lambda x: f"{x:,.2f}" if med < 10 else f"{x:,.1f}")
    return f(med) if len(values) == 1 else f"{f(med)} ({f(min(values))}-{f(max(values))})"


def main():
    data = collections.defaultdict(list)
    for line in open(sys.argv[1]):
        parts = line.rstrip('\n').split('\t')
        if len(parts) == 4:
            try:
                data[(parts[0], parts[1])].append(float(parts[3]))
            except ValueError:
                pass
    metrics = {m for (_, m) in data}
    rows = [(m, label) for m, label, _ in ROWS if m in metrics]
    scales = sorted({int(m.split('_')[1]) for m in metrics if m.startswith('scale_') and m.split('_')[1].isdigit()})
    for n in scales:
        for k, label in [('rec_per_s', f'scale {n} topics x1: msg/s'), ('lat_ms_p99', '  p99 send latency ms'),
                         ('create_s', '  create topics s')]:
            if f'scale_{n}_{k}' in metrics:
                rows.append((f'scale_{n}_{k}', label))
    present = [s for s in SYSTEMS if any(sys_ == s for (sys_, _) in data)]
    peers = [s for s in present if s != 'ternmq']
    print(f"\n== TernMQ vs peers, 1 KiB messages, median (min-max) over {sys.argv[2]} round(s) ==\n")
    header = ['workload'] + present + [f'ternmq/{p}' for p in peers if 'ternmq' in present]
    print('| ' + ' | '.join(header) + ' |')
    print('|' + '---|' * len(header))
    for metric, label in rows:
        cells = [label]
        for s in present:
            v = data.get((s, metric))
            cells.append(fmt(v) if v else 'n/a')
        if 'ternmq' in present:
            ours = data.get(('ternmq', metric))
            for p in peers:
                theirs = data.get((p, metric))
                if ours and theirs and statistics.median(theirs) > 0:
                    cells.append(f"{statistics.median(ours) / statistics.median(theirs):.2f}x")
                else:
                    cells.append('')
        print('| ' + ' | '.join(cells) + ' |')
    print('\nRatios are TernMQ / peer: above 1 is better for msg/s and MB/s, below 1 is better for latencies and times.')
    print('\nWhat each row compares:')
    for _, label, note in ROWS:
        if note:
            print(f'- {label.strip()}: {note}')


main()
