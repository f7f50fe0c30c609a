from multiprocessing import AuthenticationError, Process
from multiprocessing.connection import Client, Listener


def ask(address, authkey):
    try:
        with Client(address, authkey=authkey) as connection:
            connection.send(["add", 2, 3])
            print(f"Client got {connection.recv()}")
    except AuthenticationError as error:
        print(f"Client refused: {error}")


if __name__ == "__main__":
    # Port 0: the system picks a free port; listener.address says which.
    with Listener(("127.0.0.1", 0), authkey=b"secret") as listener:
        for key in [b"secret", b"wrong"]:
            client = Process(target=ask, args=(listener.address, key))
            client.start()
            try:
                with listener.accept() as connection:
                    command, a, b = connection.recv()
                    print(f"Server got {command} {a} {b}")
                    connection.send(a + b)
            except AuthenticationError as error:
                print(f"Server refused: {error}")
            client.join()
