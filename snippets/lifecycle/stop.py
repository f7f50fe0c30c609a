import time
from multiprocessing import Process


def nap():
    time.sleep(30)


def report(label, child):
    print(f"{label}: is_alive() {child.is_alive()}, exitcode {child.exitcode}")


if __name__ == "__main__":
    polite = Process(target=nap)
    blunt = Process(target=nap)
    polite.start()
    blunt.start()
    report("Running", polite)

    polite.terminate()  # SIGTERM: the child may catch it and clean up
    polite.join()
    report("After terminate()", polite)

    try:
        blunt.close()
    except ValueError as error:
        print(f"close() while running: {error}")
    blunt.kill()  # SIGKILL: cannot be caught
    blunt.join()
    report("After kill()", blunt)

    blunt.close()  # frees what the Process object holds
    try:
        blunt.is_alive()
    except ValueError as error:
        print(f"After close(): {error}")
