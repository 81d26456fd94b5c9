"""The translation catalogue: which strings the code shows, and the Danish ``.ts`` file."""
