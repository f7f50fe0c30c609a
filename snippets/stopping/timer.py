import threading
import time

events = []


def remind(text):
    events.append(f"{threading.current_thread().name}: {text}")


if __name__ == "__main__":
    soon = threading.Timer(0.1, remind, args=("time to stretch",))
    later = threading.Timer(5, remind, args=("this never prints",))
    soon.name, later.name = "soon", "later"
    soon.start()
    later.start()
    time.sleep(0.2)
    later.cancel()  # it had not fired yet: it never will
    soon.join()
    later.join()  # returns at once: a cancelled timer ends its thread
    print(events)
    print(f"alive: soon {soon.is_alive()}, later {later.is_alive()}")
