import threading

lock_a = threading.Lock()
lock_b = threading.Lock()
both_hold_one = threading.Barrier(2)
both_tried = threading.Barrier(2)
reports = []


def take(name, first, second, first_name, second_name):
    with first:
        # Wait until the other thread holds its first lock too. Real programs
        # meet this timing only now and then; here it happens on every run.
        both_hold_one.wait()
        # A plain `with second:` would wait forever; the timeout shows it.
        got = second.acquire(timeout=0.1)
        if got:
            second.release()
        both_tried.wait()  # keep holding `first` until both have tried
    outcome = "got it" if got else "gave up after 0.1 s"
    reports.append(
        f"{name} holds {first_name}, wants {second_name}: {outcome}"
    )


if __name__ == "__main__":
    threads = [
        threading.Thread(target=take, args=("T1", lock_a, lock_b, "A", "B")),
        threading.Thread(target=take, args=("T2", lock_b, lock_a, "B", "A")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for line in sorted(reports):
        print(line)
    if not any("got it" in line for line in reports):
        print("Deadlock: each thread held the lock the other one wanted.")
