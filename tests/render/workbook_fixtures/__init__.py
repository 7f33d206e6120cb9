"""Registers, questionnaire answers and reading helpers for the workbook's tests."""
