import signal
import threading

handled_in = []


def on_sigint(signum, frame):
    handled_in.append(threading.current_thread().name)


def worker():
    try:
        signal.signal(signal.SIGINT, on_sigint)
    except ValueError as exc:
        print(f"worker: signal.signal() raised ValueError: {exc}")
    signal.raise_signal(signal.SIGINT)  # as if Ctrl-C were pressed now


if __name__ == "__main__":
    signal.signal(signal.SIGINT, on_sigint)  # the main thread may do this
    t = threading.Thread(target=worker, name="worker")
    t.start()
    t.join()
    print(f"the handler ran in: {handled_in}")
