import threading
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    name = threading.currentThread().getName()  # old camelCase aliases

print(name)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
