"""``python -m explainer``: the same command line as the ``explainer`` script."""

from explainer.entry import main

if __name__ == "__main__":
    main()
