from multiprocessing import Manager

if __name__ == "__main__":
    with Manager() as manager:
        shared = manager.dict()

        shared["plain"] = []  # the server stores a copy of this list
        # Appends to a copy sent back to us, then lost.
        shared["plain"].append(1)
        print(f"plain list:   {shared['plain']}")

        shared["managed"] = manager.list()  # the server stores a proxy
        shared["managed"].append(1)  # the proxy forwards the append
        print(f"managed list: {list(shared['managed'])}")

        plain = shared["plain"]  # or: fetch, change, store back
        plain.append(1)
        shared["plain"] = plain
        print(f"plain list:   {shared['plain']} after storing it back")
