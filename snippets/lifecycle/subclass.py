from multiprocessing import Process, parent_process


class Countdown(Process):
    def __init__(self, start_at):
        super().__init__()  # required: it sets up the process
        self.start_at = start_at

    def run(self):  # runs in the child, called by start()
        here = "child" if parent_process() else "parent"
        for n in range(self.start_at, 0, -1):
            print(f"{self.name} in the {here}: {n}")
        self.start_at = 0  # changes the child's copy only


if __name__ == "__main__":
    countdown = Countdown(2)
    countdown.start()
    countdown.join()
    print(f"{countdown.name} ended with exitcode {countdown.exitcode}")
    print(f"start_at in the parent is {countdown.start_at}")
    countdown.run()  # a plain call: it runs here, in the parent
