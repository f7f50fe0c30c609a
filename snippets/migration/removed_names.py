import asyncio
import queue
import sys
import threading

# Removed: each of these old names is gone.
print("asyncio.coroutine:", hasattr(asyncio, "coroutine"))
print("sys.setcheckinterval:", hasattr(sys, "setcheckinterval"))
print("Thread.isAlive:", hasattr(threading.Thread, "isAlive"))

# Their replacements.
print("switch interval:", sys.getswitchinterval(), "seconds")
print("current thread:", threading.current_thread().name)
worker = threading.Thread(target=print, args=("hello from a thread",))
worker.start()
worker.join()
print("alive after join:", worker.is_alive())
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("queue.Empty caught")
