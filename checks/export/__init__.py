"""What the site publishes, as pure functions of the model: memorandum.json and SHA256SUMS (publish),
Akoma Ntoso (akn), the PDFs (printed, with its worker), and XLIFF and TMX for translators (interchange).
"""
