"""The rules: one module per finding-code prefix, each a ``check(corpus) -> Iterator[Finding]``
(DAT dates, DUR durations, FCT facts, FID fidelity, NUM numbering, PAR parity, REF references, SAF safety,
SEG segments, SIG signatories, STR structure, TRL translation, TRM terms, TWN twins, UNI unicode).
``checks.codes`` is the registry of their codes.
"""
