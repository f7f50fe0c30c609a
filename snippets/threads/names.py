import threading


def report():
    me = threading.current_thread()
    is_main = me is threading.main_thread()
    # get_ident() identifies the calling thread: the same number as .ident
    same_id = threading.get_ident() == me.ident
    print(
        f"{me.name!r:22} main thread: {is_main!s:5}  ident matches: {same_id}"
    )


if __name__ == "__main__":
    report()
    threads = [
        threading.Thread(target=report),
        threading.Thread(target=report),
        threading.Thread(target=report, name="reporter"),
        threading.Thread(target=lambda: report()),
    ]
    for t in threads:
        t.start()
        t.join()  # one at a time, so the lines come out in this order
