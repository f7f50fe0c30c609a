from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory


def double_all(name, size):
    block = SharedMemory(name=name)  # attach to the block the parent created
    for i in range(size):
        block.buf[i] *= 2
    block.close()  # this process is done with it; the block still exists


if __name__ == "__main__":
    data = bytes([1, 2, 3, 4, 5])
    block = SharedMemory(create=True, size=len(data))
    block.buf[: len(data)] = data
    child = Process(target=double_all, args=(block.name, len(data)))
    child.start()
    child.join()
    print(f"After the child: {list(block.buf[: len(data)])}")
    block.close()  # the parent is done with it too...
    block.unlink()  # ...and the block is freed, once, by its creator
