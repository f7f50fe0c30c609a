from task_master import main

# A port of its own: both examples can run at once.
ADDRESS = ("127.0.0.1", 25001)

if __name__ == "__main__":
    main(workers=2, address=ADDRESS)  # one STOP and one goodbye per worker
