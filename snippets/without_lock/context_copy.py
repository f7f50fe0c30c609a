import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="(none)")
seen = []


def handle(label):
    seen.append(f"{label}: request_id = {request_id.get()}")


def in_thread(run, label):
    t = threading.Thread(target=run, args=(handle, label))
    t.start()
    t.join()


if __name__ == "__main__":
    request_id.set("req-42")
    # Explicit either way, so every build prints the same:
    in_thread(contextvars.copy_context().run, "copy of the caller's")
    in_thread(contextvars.Context().run, "new empty context")
    for line in seen:
        print(line)
