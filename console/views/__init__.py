"""Qt widgets: one module per screen, each with its own table model (design: views layer).

Views call services only through ``common.worker.Worker`` and receive frozen dataclasses.
"""
