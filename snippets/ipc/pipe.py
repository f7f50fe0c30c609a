from multiprocessing import Pipe, Process


def shout(conn):
    # Answer each message in capitals until the parent sends None.
    while (message := conn.recv()) is not None:
        conn.send(message.upper())
    conn.send("bye")
    conn.close()  # no more messages from this end


if __name__ == "__main__":
    parent_end, child_end = Pipe()  # duplex: both ends can send and receive
    child = Process(target=shout, args=(child_end,))
    child.start()
    child_end.close()  # the child has its own copy; the parent needs none
    for word in ["ping", "hello"]:
        parent_end.send(word)
        print(f"Parent sent {word!r}, received {parent_end.recv()!r}")
    parent_end.send(None)
    print(f"Parent received {parent_end.recv()!r}")
    try:
        parent_end.recv()  # nothing left, and the other end is closed
    except EOFError:
        print("EOFError: every copy of the other end is closed.")
    child.join()
