import multiprocessing
import os


def work():
    print("The child runs work().")


if __name__ == "__main__":
    # The fork server is a new interpreter: it takes warning filters from
    # the environment or from python -W, not from warnings.simplefilter()
    # in this program. ImportWarning is hidden by default.
    os.environ["PYTHONWARNINGS"] = "default::ImportWarning"
    forkserver = multiprocessing.get_context("forkserver")
    forkserver.set_forkserver_preload(
        ["__main__", "no_such_module"], on_error="warn"
    )
    child = forkserver.Process(target=work)
    child.start()
    child.join()
