import collections
import threading

N = 100_000
items = []
owners = {}
log = collections.deque()


def work(name):
    for i in range(N):
        items.append(i)  # one call on a built-in list
        owners[(name, i)] = name  # one store into a built-in dict
        log.append(i)  # deque: documented as thread-safe at both ends


if __name__ == "__main__":
    threads = [
        threading.Thread(target=work, args=(f"T{n}",)) for n in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"list: {len(items)} items, expected {4 * N}")
    print(f"dict: {len(owners)} keys, expected {4 * N}")
    print(f"deque: {len(log)} items, expected {4 * N}")
