"""Outputs made from the register: the policy, the workbook and the transfer report."""
