from task_master import main

ADDRESS = ("127.0.0.1", 25001)  # a port of its own: both examples can run at once

if __name__ == "__main__":
    main(workers=2, address=ADDRESS)  # one STOP and one goodbye per worker
