import threading

connections = {}
opened = []
both_checked = threading.Barrier(2)
lock = threading.Lock()


def open_connection(name):
    opened.append(name)  # a slow, costly step in real code
    return f"connection to {name}"


def get_unlocked(name):
    if name not in connections:  # check
        both_checked.wait()  # the other thread checks here too
        connections[name] = open_connection(name)  # act
    return connections[name]


def get_locked(name):
    with lock:  # nobody can act between this thread's check and act
        if name not in connections:
            connections[name] = open_connection(name)
        return connections[name]


def run(get):
    connections.clear()
    opened.clear()
    workers = [threading.Thread(target=get, args=("db",)) for _ in range(2)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return len(opened)


if __name__ == "__main__":
    print(f"unlocked: 2 threads opened {run(get_unlocked)} connections")
    print(f"locked:   2 threads opened {run(get_locked)} connection")
